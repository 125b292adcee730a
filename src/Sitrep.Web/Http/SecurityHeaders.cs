using Microsoft.AspNetCore.Http;

namespace Sitrep.Web.Http;

/// <summary>
/// The headers every answer carries. Report text, titles, places and claimants are untrusted, so the pages run only
/// the app's own scripts (no inline script, no eval, nothing from another origin), talk only to this server, and
/// cannot be framed; Trusted Types make the browser refuse any HTML string put into the page by script, so report
/// text can only ever arrive as text.
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'; " +
        "require-trusted-types-for 'script'; trusted-types default";

    public static Task Apply(HttpContext ctx, Func<Task> next)
    {
        var h = ctx.Response.Headers;
        h.ContentSecurityPolicy = ContentSecurityPolicy;
        h.XContentTypeOptions = "nosniff";
        h.XFrameOptions = "DENY";
        h["Referrer-Policy"] = "no-referrer";
        h["Cross-Origin-Opener-Policy"] = "same-origin";
        h["Cross-Origin-Resource-Policy"] = "same-origin";
        h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
        return next();
    }
}
