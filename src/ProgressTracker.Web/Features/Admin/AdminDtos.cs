namespace ProgressTracker.Web.Features.Admin;

/// <summary>One account as the staff list shows it; roles are lower-case (API.md).</summary>
public sealed record AccountDto(Guid Id, string Email, IReadOnlyList<string> Roles, bool Active, bool SecondFactor,
    DateTimeOffset? LastSignInAt);

public sealed record AccountList(IReadOnlyList<AccountDto> Items, int Total);

/// <summary>A new invitation: <see cref="Url"/> holds the token and is shown exactly once.</summary>
public sealed record InvitationDto(Guid Id, string Email, string Role, string Url, DateTimeOffset ExpiresAt);

/// <summary>An open invitation in a list: the link is not kept, so it cannot be shown again.</summary>
public sealed record OpenInvitationDto(Guid Id, string Email, string Role, DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt);

public sealed record OpenInvitationList(IReadOnlyList<OpenInvitationDto> Items, int Total);

public sealed record InviteRequest(string? Email, string? Role);

public sealed record RolesRequest(IReadOnlyList<string>? Roles);

public sealed record AcceptInvitationRequest(string? Token, string? Password);

public sealed record AcceptedInvitation(string Email);
