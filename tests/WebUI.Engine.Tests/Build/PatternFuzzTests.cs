using WebUI.Engine.Build.Context;
using WebUI.Engine.Build.Dockerfile;
using WebUI.Engine.Errors;

namespace WebUI.Engine.Tests.Build;

/// <summary>Random .dockerignore files and substitution words are either accepted or refused with an EngineException.</summary>
public sealed class PatternFuzzTests
{
    private const string Alphabet = "ab/*?[]!^-\\.# \n${}:+-?'\"`z09";

    private static string RandomText(Random random, int max) =>
        new(Enumerable.Range(0, random.Next(0, max)).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());

    [Fact]
    public void Random_dockerignore_files_and_paths()
    {
        var random = new Random(7);
        for (var n = 0; n < 3000; n++)
        {
            var content = RandomText(random, 30);
            try
            {
                var ignore = DockerIgnore.Parse(content);
                for (var k = 0; k < 5; k++) ignore.IsExcluded(RandomText(random, 12).Replace("\n", ""));
            }
            catch (EngineException)
            {
            }
        }
    }

    [Fact]
    public void Random_words_through_the_lexer()
    {
        var random = new Random(11);
        var vars = new Dictionary<string, string> { ["a"] = "1", ["b"] = "" };
        foreach (var escape in new[] { '\\', '`' })
        {
            var lexer = new ShellLexer(escape);
            for (var n = 0; n < 3000; n++)
            {
                try
                {
                    lexer.ProcessWord(RandomText(random, 20), k => vars.GetValueOrDefault(k));
                }
                catch (EngineException)
                {
                }
            }
        }
    }

    [Fact]
    public void Reversed_range_is_a_pattern_syntax_error()
    {
        var e = Assert.Throws<EngineException>(() => DockerIgnore.Parse("[z-a]"));
        Assert.Equal("syntax error in pattern: [z-a]", e.Message);
    }
}
