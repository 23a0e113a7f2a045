using System.ComponentModel.DataAnnotations;

namespace LearningStack.Web.Platform;

/// <summary>Runs DataAnnotations on an input model, the same checks the pages' EditForms show, and returns field errors keyed in camelCase.</summary>
public static class InputValidation
{
    public static Failure? Check(object model)
    {
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(model, new ValidationContext(model), results, validateAllProperties: true))
        {
            return null;
        }
        var errors = results
            .SelectMany(r => (r.MemberNames.Any() ? r.MemberNames : [""]).Select(m => (Member: JsonName(m), r.ErrorMessage ?? "Invalid value.")))
            .GroupBy(e => e.Member)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Item2).ToArray());
        return Failure.Invalid(errors);
    }

    public static string JsonName(string member) =>
        string.IsNullOrEmpty(member) ? member : char.ToLowerInvariant(member[0]) + member[1..];
}

/// <summary>Limits that apply to every record: names up to 200 characters, long texts up to 20,000.</summary>
public static class Limits
{
    public const int Name = 200;
    public const int LongText = 20_000;
}
