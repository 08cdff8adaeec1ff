using System.Net;
using Mielto.Client.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Mielto.Client.Tests;

[Collection(ResponsesCollection.Name)]
public sealed class ResponseTests(WireServer wire) : WireTest(wire)
{
    private IMemoriesClient NoRetries() => Client(o => o.MaxRetries = 0);

    [Fact]
    public async Task Delete_returns_the_servers_response_on_200()
    {
        Respond(200, """{"memory_id":"mem_1","message":"Memory deleted successfully","extra":{"ignored":[1,2]}}""");

        var result = await Client().DeleteAsync("mem_1");

        Assert.Equal(new MemoryDeleteResponse("mem_1", "Memory deleted successfully"), result);
    }

    [Fact]
    public async Task Delete_returns_the_requested_id_on_204()
    {
        Respond(204);

        var result = await Client().DeleteAsync("mem/ 1");

        Assert.Equal(new MemoryDeleteResponse("mem/ 1", string.Empty), result);
    }

    [Fact]
    public async Task Delete_returns_the_requested_id_on_an_empty_200()
    {
        Respond(200);

        var result = await Client().DeleteAsync("mem_1");

        Assert.Equal(new MemoryDeleteResponse("mem_1", string.Empty), result);
    }

    [Fact]
    public async Task Delete_tolerates_a_200_without_message()
    {
        Respond(200, """{"memory_id":"mem_1"}""");

        Assert.Equal(new MemoryDeleteResponse("mem_1", string.Empty), await Client().DeleteAsync("mem_1"));
    }

    [Theory]
    [InlineData("<html><body>Welcome to nginx</body></html>", "text/html")]
    [InlineData("""{"memory_id":5,"message":"x"}""", "application/json")]
    [InlineData("""{"message":"deleted"}""", "application/json")]
    [InlineData("[]", "application/json")]
    [InlineData("null", "application/json")]
    [InlineData("""{"memory_id":"mem_1",""", "application/json")]
    [InlineData("OK", "text/plain")]
    public async Task Delete_reports_a_200_body_that_is_not_the_expected_json(string body, string contentType)
    {
        RespondRaw(200, body, contentType);

        var error = await Assert.ThrowsAsync<MieltoException>(() => Client().DeleteAsync("mem_1"));

        Assert.Contains("DELETE memory 'mem_1'", error.Message);
        Assert.Contains("200", error.Message);
        Assert.Contains(contentType, error.Message);
        Assert.Contains(body[..Math.Min(body.Length, 20)], error.Message);
        Assert.Contains("MemoryDeleteResponse", error.Message);
    }

    [Fact]
    public async Task Delete_reports_a_200_body_larger_than_the_cap_without_reading_it_all()
    {
        RespondRaw(200, "{\"memory_id\":\"" + new string('x', 400_000) + "\",\"message\":\"m\"}", "application/json");

        var error = await Assert.ThrowsAsync<MieltoException>(() => Client(o => o.MaxResponseBytes = 256 * 1024).DeleteAsync("mem_1"));

        Assert.Contains("more than 262144 bytes", error.Message);
        Assert.Contains("MieltoClientOptions.MaxResponseBytes", error.Message);
    }

    [Theory]
    [InlineData(1024)]
    [InlineData(4096)]
    public async Task A_body_of_exactly_the_cap_is_read_whole(int cap)
    {
        const string Start = "{\"memory_id\":\"mem_1\",\"message\":\"";
        var message = new string('x', cap - Start.Length - 2);
        RespondRaw(200, Start + message + "\"}", "application/json");

        var result = await Client(o => o.MaxResponseBytes = cap).DeleteAsync("mem_1");

        Assert.Equal(message, result.Message);
    }

    [Fact]
    public async Task Delete_throws_MemoryNotFoundException_with_what_the_server_said_on_404()
    {
        RespondRaw(404, """{"detail":"Memory not found","error_code":"MEMORY_NOT_FOUND"}""", "application/json", ("x-request-id", "req_123"));

        var error = await Assert.ThrowsAsync<MemoryNotFoundException>(() => Client().DeleteAsync("mem_1"));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("Memory not found", error.Detail);
        Assert.Equal("MEMORY_NOT_FOUND", error.ErrorCode);
        Assert.Equal("req_123", error.RequestId);
        Assert.Equal("""{"detail":"Memory not found","error_code":"MEMORY_NOT_FOUND"}""", error.ResponseBody);
        Assert.Contains("DELETE memory 'mem_1'", error.Message);
        Assert.Contains("404", error.Message);
        Assert.Contains("Memory not found", error.Message);
        Assert.Contains("req_123", error.Message);
        Assert.Single(Wire.Requests);
    }

    [Fact]
    public async Task DeleteIfExists_returns_true_when_deleted_and_false_on_404()
    {
        RespondInSequence(() => Json(200, """{"memory_id":"mem_1","message":"ok"}"""), () => Json(404, """{"detail":"Memory not found"}"""));
        var client = Client();

        Assert.True(await client.DeleteIfExistsAsync("mem_1"));
        Assert.False(await client.DeleteIfExistsAsync("mem_1"));
    }

    [Fact]
    public async Task DeleteIfExists_still_throws_for_other_failures()
    {
        Respond(403, """{"detail":"Not the owner"}""");

        await Assert.ThrowsAsync<MieltoPermissionException>(() => Client().DeleteIfExistsAsync("mem_1"));
    }

    [Fact]
    public async Task Delete_throws_MemoryValidationException_with_the_field_errors_on_422()
    {
        const string Body = """
            {"detail":[
              {"loc":["query","user_id"],"msg":"String should have at least 1 character","type":"string_too_short","ctx":{"min_length":1},"input":"","url":"https://errors.pydantic.dev/2.6/v/string_too_short"},
              {"loc":["body","topics",0],"msg":"Input should be a valid string","type":"string_type"}
            ]}
            """;
        Respond(422, Body);

        var error = await Assert.ThrowsAsync<MemoryValidationException>(() => Client().DeleteAsync("mem_1", userId: "u"));

        Assert.Equal((HttpStatusCode)422, error.StatusCode);
        Assert.Equal(2, error.Errors.Count);
        Assert.Equal(["query", "user_id"], error.Errors[0].Location);
        Assert.Equal("String should have at least 1 character", error.Errors[0].Message);
        Assert.Equal("string_too_short", error.Errors[0].Type);
        Assert.Equal(["body", "topics", "0"], error.Errors[1].Location);
        Assert.Equal("query.user_id: String should have at least 1 character; body.topics.0: Input should be a valid string", error.Detail);
        Assert.Contains("query.user_id: String should have at least 1 character", error.Message);
        Assert.Single(Wire.Requests);
    }

    [Fact]
    public async Task Delete_throws_MemoryValidationException_without_field_errors_when_the_422_detail_is_text()
    {
        Respond(422, """{"detail":"Invalid memory id"}""");

        var error = await Assert.ThrowsAsync<MemoryValidationException>(() => Client().DeleteAsync("mem_1"));

        Assert.Empty(error.Errors);
        Assert.Equal("Invalid memory id", error.Detail);
    }

    [Theory]
    [InlineData(400, typeof(MieltoApiException))]
    [InlineData(401, typeof(MieltoAuthenticationException))]
    [InlineData(402, typeof(MieltoPaymentRequiredException))]
    [InlineData(403, typeof(MieltoPermissionException))]
    [InlineData(404, typeof(MemoryNotFoundException))]
    [InlineData(409, typeof(MieltoApiException))]
    [InlineData(422, typeof(MemoryValidationException))]
    [InlineData(429, typeof(MieltoRateLimitException))]
    [InlineData(500, typeof(MieltoServerException))]
    [InlineData(501, typeof(MieltoServerException))]
    [InlineData(503, typeof(MieltoServerException))]
    public async Task Delete_throws_the_exception_type_of_the_status(int status, Type expected)
    {
        Respond(status, """{"detail":"what the server said"}""");

        var error = await Assert.ThrowsAnyAsync<MieltoApiException>(() => NoRetries().DeleteAsync("mem_1"));

        Assert.Equal(expected, error.GetType());
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal("what the server said", error.Detail);
        Assert.Contains("what the server said", error.Message);
    }

    [Theory]
    [InlineData(402, "CREDIT_LIMIT_EXCEEDED", typeof(MieltoCreditLimitExceededException))]
    [InlineData(403, "CREDIT_LIMIT_EXCEEDED", typeof(MieltoCreditLimitExceededException))]
    [InlineData(402, "OVERAGE_LIMIT_EXCEEDED", typeof(MieltoOverageLimitExceededException))]
    [InlineData(429, "OVERAGE_LIMIT_EXCEEDED", typeof(MieltoOverageLimitExceededException))]
    [InlineData(402, "SOMETHING_ELSE", typeof(MieltoPaymentRequiredException))]
    public async Task Delete_maps_billing_error_codes_before_the_status_as_Mieltos_sdks_do(int status, string errorCode, Type expected)
    {
        Respond(status, $$"""{"detail":"Limit reached","error_code":"{{errorCode}}"}""");

        var error = await Assert.ThrowsAnyAsync<MieltoPaymentRequiredException>(() => NoRetries().DeleteAsync("mem_1"));

        Assert.Equal(expected, error.GetType());
        Assert.Equal(errorCode, error.ErrorCode);
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
    }

    [Fact]
    public async Task Delete_reports_a_text_error_body_as_the_detail()
    {
        RespondRaw(502, "<html>Bad gateway from the load balancer</html>", "text/html");

        var error = await Assert.ThrowsAsync<MieltoServerException>(() => NoRetries().DeleteAsync("mem_1"));

        Assert.Equal("<html>Bad gateway from the load balancer</html>", error.Detail);
        Assert.Equal("<html>Bad gateway from the load balancer</html>", error.ResponseBody);
        Assert.Null(error.ErrorCode);
    }

    [Fact]
    public async Task Delete_reports_an_empty_error_body_with_the_status_alone()
    {
        Respond(401);

        var error = await Assert.ThrowsAsync<MieltoAuthenticationException>(() => Client().DeleteAsync("mem_1"));

        Assert.Null(error.Detail);
        Assert.Null(error.ResponseBody);
        Assert.Contains("401", error.Message);
        Assert.Contains("MieltoClientOptions.ApiKey", error.Message);
    }

    [Theory]
    [InlineData("""{"message":"Gateway says no"}""", "Gateway says no", null)]
    [InlineData("""{"detail":null,"message":"Gateway says no"}""", "Gateway says no", null)]
    [InlineData("""{"detail":{"reason":"x"},"error_code":"E1"}""", """{"reason":"x"}""", "E1")]
    [InlineData("""{"error_code":"E2"}""", null, "E2")]
    [InlineData("""{"detail":"broken""", """{"detail":"broken""", null)]
    [InlineData("""[1,2]""", "[1,2]", null)]
    [InlineData("  plain text  ", "plain text", null)]
    public async Task Delete_tolerates_error_bodies_of_other_shapes(string body, string? expectedDetail, string? expectedCode)
    {
        Respond(400, body);

        var error = await Assert.ThrowsAsync<MieltoApiException>(() => Client().DeleteAsync("mem_1"));

        Assert.Equal(expectedDetail, error.Detail);
        Assert.Equal(expectedCode, error.ErrorCode);
        Assert.Equal(body, error.ResponseBody);
    }

    [Fact]
    public async Task Delete_caps_a_huge_error_body_in_the_exception()
    {
        RespondRaw(400, new string('e', 100_000), "text/plain");

        var error = await Assert.ThrowsAsync<MieltoApiException>(() => Client().DeleteAsync("mem_1"));

        Assert.Equal(4097, error.ResponseBody!.Length);
        Assert.EndsWith("…", error.ResponseBody);
        Assert.True(error.Message.Length < 1000, error.Message);
    }

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task Delete_does_not_follow_a_redirect(int status)
    {
        Wire.Server.Given(Request.Create().WithPath("/api/v1/memories/mem_1").UsingDelete())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Location", "/api/v1/memories/someone_elses"));
        Wire.Server.Given(Request.Create().WithPath("/api/v1/memories/someone_elses").UsingAnyMethod())
            .RespondWith(Json(200, """{"memory_id":"someone_elses","message":"deleted"}"""));

        var error = await Assert.ThrowsAsync<MieltoApiException>(() => Client().DeleteAsync("mem_1"));

        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Contains("/api/v1/memories/someone_elses", error.Message);
        Assert.Contains("redirect", error.Message);
        Assert.Equal("/api/v1/memories/mem_1", Assert.Single(Wire.Requests).RawTarget());
    }

    [Fact]
    public async Task Delete_reads_the_request_id_from_request_id_headers()
    {
        RespondRaw(500, "{}", "application/json", ("request-id", "abc-1"));

        var error = await Assert.ThrowsAsync<MieltoServerException>(() => NoRetries().DeleteAsync("mem_1"));

        Assert.Equal("abc-1", error.RequestId);
    }
}
