namespace CalcCds.Pathway.Narrative;

internal enum TokenKind
{
    Word,
    Number,
    Punctuation,
}

/// <summary>A lower-cased word, a number (with its value) or a clause-relevant punctuation mark.</summary>
internal readonly record struct Token(string Text, TokenKind Kind, decimal Number = 0)
{
    public bool IsWord => Kind == TokenKind.Word;
}
