using System.Security.Cryptography;
using System.Text;

namespace LearningStack.Web.Platform;

/// <summary>Secret links (network and case-file invitations, anonymous story links): a random token shown once, and the hash
/// that is all the database keeps, so a copy of the database opens no link.</summary>
public static class LinkTokens
{
    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
