using System.Collections.Immutable;
using System.Text.Json;

namespace Sitrep.Storage.Tests;

/// <summary>
/// The store's own JSON (metadata, id lists) is written without the reflection serializer but byte for byte as it wrote
/// it, so metadata stored by earlier versions reads back, compares equal, and hashes the same.
/// </summary>
public sealed class StoreJsonTests
{
    public static TheoryData<string[]> Metadatas => new()
    {
        new[] { "channel", "example_monitor", "claimant", "Повітряні сили", "note", "a \"quoted\" <b>word</b> & more\n" },
        new[] { "b", "2", "a", "1", "Z", "upper" },
        System.Array.Empty<string>(),
    };

    [Theory]
    [MemberData(nameof(Metadatas))]
    public void Metadata_is_written_as_the_serializer_wrote_it_and_reads_back(string[] pairs)
    {
        var b = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < pairs.Length; i += 2)
        {
            b[pairs[i]] = pairs[i + 1];
        }

        var metadata = b.ToImmutable();
        var expected = JsonSerializer.Serialize(metadata.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(kv => kv.Key, kv => kv.Value));
        var written = StoreJson.Object(metadata);
        Assert.Equal(expected, written);
        var read = StoreJson.ReadObject(written);
        Assert.Equal(metadata.OrderBy(kv => kv.Key, StringComparer.Ordinal), read.OrderBy(kv => kv.Key, StringComparer.Ordinal));
        Assert.Equal(pairs.Length > 0 ? pairs[1] : null, pairs.Length > 0 ? read[pairs[0].ToUpperInvariant()] : null);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("{\"a\":1}")]
    [InlineData("{\"a\":\"x\"")]
    public void Metadata_that_is_not_an_object_of_strings_reads_as_none(string json) =>
        Assert.Empty(StoreJson.ReadObject(json));

    [Fact]
    public void Id_lists_are_the_serializer_s_arrays()
    {
        long[] ids = [1, 42, long.MaxValue];
        string[] hashes = ["ab12", "ключ", "q\"uote"];
        Assert.Equal(JsonSerializer.Serialize(ids), StoreJson.Array(ids));
        Assert.Equal(JsonSerializer.Serialize(hashes), StoreJson.Array(hashes));
        Assert.Equal("[]", StoreJson.Array(System.Array.Empty<long>()));
        Assert.Throws<ArgumentException>(() => StoreJson.Array(new[] { 1.5 }));
    }
}
