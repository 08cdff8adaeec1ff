using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Mielto.Client.Testing;

/// <summary>
/// The rules the stand-in applies to a request, in FastAPI's order: route, then authentication, then
/// workspace, then input validation, then the memory itself. Each rule is listed with its source in the
/// README's "Testing your code" section.
/// </summary>
internal sealed class MemoryApi(MieltoTestServerOptions options, MemoryStore store)
{
    private const string MemoriesPrefix = "/api/v1/memories/";

    /// <summary>Longest memory id or user id accepted; longer input gets a 422 (our choice: the docs give no limit).</summary>
    public const int MaxIdLength = 256;

    private readonly HashSet<string> _workspaces = new([options.DefaultWorkspaceId, .. options.AdditionalWorkspaceIds], StringComparer.Ordinal);

    public Task HandleAsync(HttpContext context)
    {
        var rawTarget = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var path = rawTarget.Split('?', 2)[0];
        if (!path.StartsWith(MemoriesPrefix, StringComparison.Ordinal) || path.Length == MemoriesPrefix.Length || path.IndexOf('/', MemoriesPrefix.Length) >= 0)
        {
            return WriteDetailAsync(context, StatusCodes.Status404NotFound, "Not Found");
        }

        if (!HttpMethods.IsDelete(context.Request.Method))
        {
            return WriteDetailAsync(context, StatusCodes.Status405MethodNotAllowed, "Method Not Allowed");
        }

        if (!IsAuthenticated(context.Request))
        {
            return WriteDetailAsync(context, StatusCodes.Status401Unauthorized, "Invalid or missing API key");
        }

        var workspaceId = context.Request.Headers["X-Workspace-Id"].FirstOrDefault() ?? options.DefaultWorkspaceId;
        if (!_workspaces.Contains(workspaceId))
        {
            return WriteDetailAsync(context, StatusCodes.Status403Forbidden, $"The API key has no access to workspace '{workspaceId}'");
        }

        var memoryId = Uri.UnescapeDataString(path[MemoriesPrefix.Length..]);
        var userId = context.Request.Query.TryGetValue("user_id", out var values) ? values.ToString() : null;
        var errors = Validate(memoryId, userId);
        if (errors.Count > 0)
        {
            return WriteValidationErrorAsync(context, errors);
        }

        var found = store.RemoveIf(workspaceId, memoryId, memory => Owns(memory, userId));
        if (found is null)
        {
            return WriteDetailAsync(context, StatusCodes.Status404NotFound, "Memory not found");
        }

        if (!Owns(found, userId))
        {
            return WriteDetailAsync(context, StatusCodes.Status403Forbidden, "Only the memory owner can delete this memory");
        }

        return WriteJsonAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteString("memory_id", memoryId);
            writer.WriteString("message", "Memory deleted successfully");
        });
    }

    /// <summary>Answers with an injected status, in the body shape of the real API.</summary>
    public static Task WriteInjectedAsync(HttpContext context, int status, TimeSpan? retryAfter)
    {
        if (retryAfter is { } wait)
        {
            context.Response.Headers.RetryAfter = ((long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        return WriteDetailAsync(context, status, "Injected failure from MieltoTestServer");
    }

    private static bool Owns(TestMemory memory, string? userId) => userId is null || string.Equals(memory.UserId, userId, StringComparison.Ordinal);

    private bool IsAuthenticated(HttpRequest request)
    {
        // Mielto's DualAuthScheme accepts "Authorization: Bearer <key>" or "X-API-Key: <key>".
        var authorization = request.Headers.Authorization.FirstOrDefault();
        var bearer = authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? authorization["Bearer ".Length..]
            : null;
        return string.Equals(bearer, options.ApiKey, StringComparison.Ordinal)
            || string.Equals(request.Headers["X-API-Key"].FirstOrDefault(), options.ApiKey, StringComparison.Ordinal);
    }

    private static List<(string[] Location, string Message, string Type)> Validate(string memoryId, string? userId)
    {
        var errors = new List<(string[] Location, string Message, string Type)>();
        if (memoryId.Length > MaxIdLength)
        {
            errors.Add((["path", "memory_id"], $"String should have at most {MaxIdLength} characters", "string_too_long"));
        }

        if (userId?.Length > MaxIdLength)
        {
            errors.Add((["query", "user_id"], $"String should have at most {MaxIdLength} characters", "string_too_long"));
        }

        return errors;
    }

    private static Task WriteValidationErrorAsync(HttpContext context, List<(string[] Location, string Message, string Type)> errors) =>
        WriteJsonAsync(context, StatusCodes.Status422UnprocessableEntity, writer =>
        {
            writer.WriteStartArray("detail");
            foreach (var (location, message, type) in errors)
            {
                writer.WriteStartObject();
                writer.WriteStartArray("loc");
                foreach (var segment in location)
                {
                    writer.WriteStringValue(segment);
                }

                writer.WriteEndArray();
                writer.WriteString("msg", message);
                writer.WriteString("type", type);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        });

    private static Task WriteDetailAsync(HttpContext context, int status, string detail) =>
        WriteJsonAsync(context, status, writer => writer.WriteString("detail", detail));

    private static async Task WriteJsonAsync(HttpContext context, int status, Action<Utf8JsonWriter> writeMembers)
    {
        using var body = new MemoryStream();
        var writer = new Utf8JsonWriter(body);
        await using (writer.ConfigureAwait(false))
        {
            writer.WriteStartObject();
            writeMembers(writer);
            writer.WriteEndObject();
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body.GetBuffer().AsMemory(0, (int)body.Length), context.RequestAborted).ConfigureAwait(false);
    }
}
