using System.Text;

namespace WebUI.Engine.Build.Dockerfile;

/// <summary>
/// Splits an argument string into whitespace-separated words the way Docker's parser does before variable
/// substitution: quotes and escapes are honoured for grouping but kept in the words, because the shell
/// lexer removes them later.
/// </summary>
internal static class WordSplitter
{
    public static List<string> Split(string text, char escape)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        var blankOk = false;
        char quote = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (!inWord)
            {
                if (char.IsWhiteSpace(ch)) continue;
                inWord = true;
            }
            if (quote == '\0')
            {
                if (char.IsWhiteSpace(ch))
                {
                    if (blankOk || word.Length > 0) words.Add(word.ToString());
                    word.Clear();
                    blankOk = false;
                    inWord = false;
                    continue;
                }
                if (ch is '\'' or '"')
                {
                    quote = ch;
                    blankOk = true;
                }
                else if (ch == escape)
                {
                    // An escape at the very end is dropped; otherwise the pair is kept for the lexer.
                    if (i + 1 == text.Length) continue;
                    word.Append(ch);
                    ch = text[++i];
                }
                word.Append(ch);
                continue;
            }
            if (ch == quote)
            {
                quote = '\0';
            }
            else if (ch == escape && quote != '\'')
            {
                if (i + 1 == text.Length) { quote = '\0'; continue; }
                word.Append(ch);
                ch = text[++i];
            }
            word.Append(ch);
        }
        if (inWord && (blankOk || word.Length > 0)) words.Add(word.ToString());
        return words;
    }
}
