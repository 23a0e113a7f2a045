using System.Security.Cryptography;
using System.Text;

namespace LearningStack.Web.Features.Stewardship;

/// <summary>The follow-up code of an anonymous concern: 20 letters and digits that cannot be confused (about 98 random bits, far
/// beyond guessing), shown to the sender once in groups of five. Only its hash is stored; typing it back (any case, with or without
/// the dashes and spaces) opens the concern and the body's responses, and tells nobody who typed it.</summary>
public static class ConcernFollowUp
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int Length = 20;

    public static string NewCode()
    {
        var code = RandomNumberGenerator.GetString(Alphabet, Length);
        return string.Join('-', code.Chunk(5).Select(group => new string(group)));
    }

    /// <summary>The code as stored: upper case without separators, hashed. Null when it cannot be a code at all.</summary>
    public static string? Hash(string? code)
    {
        var normal = new string((code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());
        if (normal.Length != Length || normal.Any(c => !Alphabet.Contains(c, StringComparison.Ordinal)))
        {
            return null;
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(normal)));
    }
}
