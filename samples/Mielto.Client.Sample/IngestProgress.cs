using System.Globalization;
using Spectre.Console;

namespace Mielto.Client.Sample;

/// <summary>
/// Shows a folder upload's progress on standard error: a live bar (files, bytes, rate, time left) drawn by
/// Spectre.Console on a terminal, else a plain line every few seconds; nothing with <c>--json</c> off a terminal.
/// </summary>
internal static class IngestProgress
{
    public static async Task<DirectoryUploadResult> RunAsync(CliEnvironment environment, bool json, Func<IProgress<DirectoryUploadProgress>, Task<DirectoryUploadResult>> upload)
    {
        if (!environment.ErrorIsTerminal)
        {
            return json ? await upload(new Lines(TextWriter.Null)) : await upload(new Lines(environment.Error));
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(environment.Error), Ansi = AnsiSupport.Detect, Interactive = InteractionSupport.Yes });
        return await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("scanning", maxValue: 1);
                return await upload(new Progress<DirectoryUploadProgress>(p =>
                {
                    task.MaxValue = Math.Max(1, p.BytesTotal);
                    task.Value = p.BytesSent;
                    task.Description = string.Create(CultureInfo.InvariantCulture, $"{p.FilesDone}/{p.FilesTotal} files, {p.FilesFailed} failed");
                }));
            });
    }

    /// <summary>A line at most every 5 seconds, and the last one.</summary>
    private sealed class Lines(TextWriter writer) : IProgress<DirectoryUploadProgress>
    {
        private TimeSpan? _last;

        public void Report(DirectoryUploadProgress value)
        {
            if (_last is { } last && value.Elapsed - last < TimeSpan.FromSeconds(5) && value.FilesDone < value.FilesTotal)
            {
                return;
            }

            _last = value.Elapsed;
            writer.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{value.FilesDone}/{value.FilesTotal} files ({value.FilesUploaded} uploaded, {value.FilesSkipped} already there, {value.FilesFailed} failed), {value.BytesSent / 1024.0 / 1024:0.0}/{value.BytesTotal / 1024.0 / 1024:0.0} MiB, {value.Elapsed.TotalSeconds:0} s"));
        }
    }
}
