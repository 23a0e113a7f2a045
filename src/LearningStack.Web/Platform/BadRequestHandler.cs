using Microsoft.AspNetCore.Diagnostics;

namespace LearningStack.Web.Platform;

/// <summary>Turns unreadable requests (malformed JSON, wrong value types, bad route values) into a 400 problem
/// that says what to fix, instead of a 500.</summary>
public sealed class BadRequestHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }
        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = bad.StatusCode,
                Title = "The request could not be read",
                Detail = $"{bad.Message} Check the body is valid JSON with the expected fields and value types (see /openapi/v1.json).",
            },
        });
    }
}
