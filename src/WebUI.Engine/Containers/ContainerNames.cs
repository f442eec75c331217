using System.Security.Cryptography;
using System.Text.RegularExpressions;
using WebUI.Engine.Errors;

namespace WebUI.Engine.Containers;

/// <summary>Container names and ids: Docker's name rule, generated adjective_surname names, random 64-hex ids.</summary>
internal static partial class ContainerNames
{
    private static readonly string[] Adjectives =
    [
        "admiring", "adoring", "affectionate", "amazing", "awesome", "blissful", "bold", "brave", "charming", "clever",
        "compassionate", "competent", "confident", "cool", "dazzling", "determined", "eager", "ecstatic", "elastic",
        "elegant", "epic", "exciting", "fervent", "festive", "focused", "friendly", "funny", "gallant", "gifted",
        "gracious", "happy", "hopeful", "inspiring", "intelligent", "jolly", "keen", "kind", "laughing", "loving",
        "lucid", "magical", "modest", "nice", "nifty", "nostalgic", "optimistic", "peaceful", "pensive", "practical",
        "quirky", "relaxed", "romantic", "serene", "sharp", "stoic", "sweet", "tender", "trusting", "upbeat",
        "vibrant", "vigilant", "wizardly", "wonderful", "youthful", "zealous", "zen",
    ];

    private static readonly string[] Surnames =
    [
        "albattani", "allen", "archimedes", "babbage", "bardeen", "bartik", "bell", "blackwell", "bohr", "boyd",
        "brahmagupta", "brown", "cannon", "carson", "cerf", "chandrasekhar", "curie", "darwin", "dijkstra", "einstein",
        "euclid", "euler", "faraday", "fermat", "fermi", "feynman", "franklin", "galileo", "gauss", "goldberg",
        "goodall", "hamilton", "hawking", "heisenberg", "hodgkin", "hopper", "hypatia", "jang", "johnson", "kepler",
        "knuth", "lamport", "leakey", "lovelace", "mayer", "mccarthy", "mendel", "morse", "newton", "nobel", "noether",
        "pascal", "pasteur", "perlman", "pike", "poincare", "ritchie", "shannon", "sinoussi", "stonebraker", "tesla",
        "thompson", "torvalds", "turing", "wilson", "wozniak", "wright", "yalow", "yonath",
    ];

    [GeneratedRegex("^/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$")]
    private static partial Regex ValidName();

    /// <summary>"/name" for a valid name; InvalidArgument naming Docker's rule otherwise.</summary>
    public static string Normalize(string name)
    {
        if (!ValidName().IsMatch(name))
            throw EngineException.Invalid($"Invalid container name ({name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
        return name.StartsWith('/') ? name : "/" + name;
    }

    /// <summary>A Docker-style name, e.g. "/eager_turing"; after collisions a number is appended as Docker does.</summary>
    public static string Generate(int attempt)
    {
        var name = $"{Adjectives[RandomNumberGenerator.GetInt32(Adjectives.Length)]}_{Surnames[RandomNumberGenerator.GetInt32(Surnames.Length)]}";
        return "/" + (attempt > 0 ? name + RandomNumberGenerator.GetInt32(10) : name);
    }

    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}
