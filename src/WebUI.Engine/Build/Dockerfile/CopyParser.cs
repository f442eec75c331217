namespace WebUI.Engine.Build.Dockerfile;

/// <summary>COPY and ADD share their argument grammar: JSON list or whitespace words, heredoc sources, last word the destination.</summary>
internal static class CopyParser
{
    public static Instruction Parse(int line, string original, string keyword, char escape, IReadOnlyList<string> flagWords, string rest, HeredocReader readHeredocs)
    {
        var isCopy = keyword == "COPY";
        var flags = isCopy
            ? InstructionFlags.Parse(line, flagWords, ["from", "chown", "chmod", "exclude"], ["link", "parents"], ["exclude"])
            : InstructionFlags.Parse(line, flagWords, ["chown", "chmod", "checksum", "exclude"], ["link", "keep-git-dir", "unpack"], ["exclude"]);
        var json = InstructionParser.TryParseJson(line, rest);
        // Docker splits the non-JSON form on whitespace only; quotes stay and the lexer handles them later.
        var words = json ?? InstructionParser.Whitespace().Split(rest).Where(w => w.Length > 0).ToList();
        var heredocs = json is null ? readHeredocs(HeredocWords.Find(rest, escape)) : [];
        if (words.Count < 2)
            throw ParseError.At(line, $"{keyword} requires at least two arguments, but only one was provided. Destination could not be determined");
        var sources = words.Take(words.Count - 1).ToList();
        var dest = words[^1];
        if (json is null && HeredocWords.TryParse(dest) is not null)
            throw ParseError.At(line, $"{keyword} cannot accept a heredoc as a destination");
        if (isCopy)
            return new CopyInstruction(line, original, sources, dest, heredocs, flags.String("from"), flags.String("chown"),
                flags.String("chmod"), flags.Bool("link"), flags.Bool("parents"), flags.Strings("exclude"));
        return new AddInstruction(line, original, sources, dest, heredocs, flags.String("chown"), flags.String("chmod"),
            flags.Bool("link"), flags.String("checksum"), flags.Bool("keep-git-dir"), flags.OptionalBool("unpack"), flags.Strings("exclude"));
    }
}
