using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ProgressTracker.Web.Features.Shared.Pages;

/// <summary>
/// The pages' one mapping from a <see cref="Rejection"/>: a form-level model error, which the shared
/// <c>_FormErrors</c> partial shows above the form. (Refusals of the record itself never reach a form: the page
/// base answers 404 first.)
/// </summary>
public static class PageRejections
{
    public static void AddRejection(this ModelStateDictionary modelState, Rejection rejection) =>
        modelState.AddModelError(string.Empty, rejection.Detail);
}
