namespace ProgressTracker.Web.Infrastructure.Data.Configurations;

internal static class EnumColumns
{
    /// <summary>
    /// Enums are stored by name, not number, so a reordered enum can never change what a stored row means and the
    /// database reads plainly; 32 characters hold every name.
    /// </summary>
    public static PropertyBuilder<T> StoredAsName<T>(this PropertyBuilder<T> property) where T : struct, Enum =>
        property.HasConversion<string>().HasMaxLength(32);
}
