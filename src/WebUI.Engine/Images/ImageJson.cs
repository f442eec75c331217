using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace WebUI.Engine.Images;

/// <summary>JSON settings for image configs, manifests and the image store's own files.</summary>
internal static class ImageJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var o = new JsonSerializerOptions { PropertyNameCaseInsensitive = false, WriteIndented = false };
        o.Converters.Add(new LenientDateTimeOffsetConverter());
        o.MakeReadOnly(populateMissingResolver: true);
        return o;
    }

    /// <summary>Go writes nanoseconds ("…:05.123456789Z"); .NET parses at most 7 fraction digits, so the rest is dropped.</summary>
    private sealed class LenientDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var s = reader.GetString() ?? throw new JsonException("expected a time string");
            var dot = s.IndexOf('.');
            if (dot > 0)
            {
                var end = dot + 1;
                while (end < s.Length && char.IsAsciiDigit(s[end])) end++;
                if (end - dot - 1 > 7) s = s[..(dot + 8)] + s[end..];
            }
            return DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
    }
}
