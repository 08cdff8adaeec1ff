namespace Mielto.Client.Tests.Reliability;

/// <summary>The specification of text that can be sent unchanged, written independently of the SDK's code.</summary>
public static class TextRules
{
    /// <summary>True when <paramref name="text"/> has a UTF-16 surrogate without its pair, which no UTF-8 encoding carries.</summary>
    public static bool HasUnpairedSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}
