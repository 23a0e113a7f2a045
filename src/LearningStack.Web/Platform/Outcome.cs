namespace LearningStack.Web.Platform;

public enum OutcomeStatus
{
    Ok,
    NotFound,
    Forbidden,
    Invalid,
    Conflict,
}

/// <summary>The result of a feature command, shared by pages and the JSON API so both apply the same rules.</summary>
public sealed record Outcome<T>(OutcomeStatus Status, T? Value, IReadOnlyDictionary<string, string[]>? Errors = null, string? Message = null)
{
    public bool IsOk => Status == OutcomeStatus.Ok;

    public static implicit operator Outcome<T>(T value) => new(OutcomeStatus.Ok, value);

    public static implicit operator Outcome<T>(Failure failure) =>
        new(failure.Status, default, failure.Errors, failure.Message);

    /// <summary>All errors as one readable message (for pages).</summary>
    public string ErrorText => Message ?? string.Join(" ", Errors?.SelectMany(e => e.Value) ?? []);
}

/// <summary>A failed outcome of any type.</summary>
public sealed record Failure(OutcomeStatus Status, IReadOnlyDictionary<string, string[]>? Errors = null, string? Message = null)
{
    public static Failure NotFound { get; } = new(OutcomeStatus.NotFound, Message: "We could not find that. It may have been removed, or you may not have access to it.");

    public static Failure Forbidden { get; } = new(OutcomeStatus.Forbidden, Message: "Your role in this network does not allow that.");

    public static Failure Conflict { get; } = new(OutcomeStatus.Conflict, Message: "Someone else changed this while you were editing. Reload to see their change, then apply yours again.");

    public static Failure Invalid(string field, string message) =>
        new(OutcomeStatus.Invalid, new Dictionary<string, string[]> { [field] = [message] }, message);

    public static Failure Invalid(IReadOnlyDictionary<string, string[]> errors) => new(OutcomeStatus.Invalid, errors);
}

public static class OutcomeHttpExtensions
{
    /// <summary>Maps an outcome onto an HTTP result with RFC 9457 problem details for failures.</summary>
    public static IResult ToHttpResult<T>(this Outcome<T> outcome, Func<T, IResult>? onOk = null) => outcome.Status switch
    {
        OutcomeStatus.Ok => onOk is null ? TypedResults.Ok(outcome.Value) : onOk(outcome.Value!),
        OutcomeStatus.NotFound => TypedResults.Problem(statusCode: 404, title: "Not found", detail: outcome.Message),
        OutcomeStatus.Forbidden => TypedResults.Problem(statusCode: 403, title: "Forbidden", detail: outcome.Message),
        OutcomeStatus.Conflict => TypedResults.Problem(statusCode: 409, title: "Edit conflict", detail: outcome.Message),
        OutcomeStatus.Invalid => TypedResults.ValidationProblem(
            outcome.Errors?.ToDictionary(e => e.Key, e => e.Value) ?? [],
            detail: outcome.Message,
            title: "Some of the input needs correcting"),
        _ => throw new InvalidOperationException($"Unknown outcome {outcome.Status}"),
    };
}
