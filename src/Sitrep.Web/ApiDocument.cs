using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Sitrep.Ledger.Filters;
using Sitrep.Web.Endpoints;

namespace Sitrep.Web;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c>, generated from the endpoints, with the ledger's filters listed as
/// query parameters (the handlers read them through <see cref="LedgerFilter"/>, which the generator cannot see).
/// </summary>
internal static class ApiDocument
{
    public static void AddTo(IServiceCollection services) => services.AddOpenApi("v1", o =>
    {
        o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info = new OpenApiInfo
            {
                Title = "Sitrep ledger API",
                Version = "1",
                Description = "The attack ledger: each real attack one record, merged from many reports, figures reconciled (best, low, high), " +
                              "every claim tied to the words of its report. JSON shapes are those of the sitrep CLI's --format json. " +
                              "Errors are RFC 7807 problem details with the project's error code in 'code'. Lists carry an ETag, and a " +
                              "'next' cursor (also in a Link header) for the page after.",
            };
            return Task.CompletedTask;
        });
        o.AddOperationTransformer((op, ctx, _) =>
        {
            var meta = ctx.Description.ActionDescriptor.EndpointMetadata.OfType<LedgerQueryMetadata>().FirstOrDefault();
            if (meta is null)
            {
                return Task.CompletedTask;
            }

            op.Parameters ??= [];
            var named = meta.Filtered ? LedgerFilter.Parameters.AsEnumerable() : [];
            foreach (var (name, description) in named.Concat(meta.Own))
            {
                op.Parameters.Add(new OpenApiParameter
                {
                    Name = name,
                    In = ParameterLocation.Query,
                    Description = description,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                });
            }

            op.Responses ??= [];
            op.Responses.TryAdd("200", new OpenApiResponse { Description = "The answer, in the CLI's JSON shape (or the format asked for)." });
            op.Responses.TryAdd("4XX", new OpenApiResponse { Description = "Problem details (application/problem+json): title, detail, status and the error code (SL…, SW…, SR…)." });
            return Task.CompletedTask;
        });
    });

    public static void Map(WebApplication app) => app.MapOpenApi("/openapi/{documentName}.json");
}
