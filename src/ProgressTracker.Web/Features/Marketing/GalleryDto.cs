namespace ProgressTracker.Web.Features.Marketing;

public sealed record GalleryItemDto(Guid Id, Guid CaseId, string CaseCode, string? ImageUrl, bool Live, bool Published,
    string? RemovedReason);

/// <summary>API.md: <c>{ id, title, status, publicUrl, items: [ { caseId, imageUrl } ] }</c>, plus who may approve.</summary>
public sealed record GalleryDto(Guid Id, string Title, string Status, string? PublicUrl, string? EmbedSnippet,
    IReadOnlyList<GalleryItemDto> Items, DateTimeOffset CreatedAt, DateTimeOffset? SubmittedAt, DateTimeOffset? ApprovedAt)
{
    public static GalleryDto From(Gallery g, IReadOnlyDictionary<Guid, string> codes, string baseUrl)
    {
        var publicUrl = g.HasPublicPage ? $"{baseUrl}/g/{g.PublicToken}" : null;
        var published = g.PublicItems.Select(i => i.Id).ToHashSet();
        return new GalleryDto(g.Id, g.Title, EnumNames.ToKebab(g.Status), publicUrl,
            publicUrl is null ? null : SnippetFor(publicUrl, g.Title),
            g.Items.OrderBy(i => i.Position).Select(i => new GalleryItemDto(i.Id, i.CaseId, codes.GetValueOrDefault(i.CaseId, ""),
                published.Contains(i.Id) ? $"{baseUrl}/g/i/{i.ImageToken}" : null, i.IsLive, published.Contains(i.Id),
                i.RemovedReason)).ToList(),
            g.CreatedAt, g.SubmittedAt, g.ApprovedAt);
    }

    /// <summary>What the clinic pastes into its own website: the public page, framed, without the page's own header.</summary>
    public static string SnippetFor(string publicUrl, string title) =>
        $"<iframe src=\"{publicUrl}?embed=1\" title=\"{System.Net.WebUtility.HtmlEncode(title)}\" loading=\"lazy\" " +
        "style=\"border:0;width:100%;min-height:640px\"></iframe>";
}

/// <summary>API.md: <c>{ id, caseId, what, at, by, status }</c>, status open | done.</summary>
public sealed record TakedownDto(Guid Id, Guid CaseId, string CaseCode, string What, DateTimeOffset At, string? By,
    string Status, DateTimeOffset RequestedAt, DateTimeOffset? RemovedAt, string? Note);
