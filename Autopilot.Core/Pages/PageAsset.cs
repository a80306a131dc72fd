namespace Autopilot.Core.Pages;

/// <summary>A file the app serves to its own pages: its bytes, content type and a content hash that versions its URL.</summary>
public sealed record PageAsset(string Name, string ContentType, byte[] Content, string Hash)
{
    /// <summary>The URL pages reference: the hash in the query makes a changed file a new URL, so it can be cached for good.</summary>
    public string Url => $"/assets/{Name}?v={Hash[..16]}";
}
