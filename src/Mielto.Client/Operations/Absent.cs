namespace Mielto.Client.Operations;

/// <summary>The one way a <c>GetIfExistsAsync</c> of any resource turns the API's own 404 into null.</summary>
internal static class Absent
{
    /// <summary>The call's result, or null when the API says the thing is not there; every other failure is thrown.</summary>
    public static async Task<T?> OrNullAsync<T>(Task<T> call)
        where T : class
    {
        try
        {
            return await call.ConfigureAwait(false);
        }
        catch (MieltoNotFoundException)
        {
            return null;
        }
    }
}
