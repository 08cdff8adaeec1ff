using Mielto.Client.Collections;
using Mielto.Client.Operations;

namespace Mielto.Client.Ingestion;

/// <summary>Checks an upload's arguments before anything is read or sent.</summary>
internal static class UploadArguments
{
    /// <summary>Checks the collection and the options; returns the options, the defaults when none were given.</summary>
    public static UploadOptions Validate(string collectionId, UploadOptions? options)
    {
        CollectionArguments.ValidateCollectionId(collectionId);
        options ??= new UploadOptions();
        foreach (var text in (ReadOnlySpan<string?>)[options.Label, options.Description, options.Reader?.Name])
        {
            if (text is not null)
            {
                Arguments.ValidateText(text, nameof(options));
            }
        }

        return options;
    }

    /// <summary>The files, at least one, none null.</summary>
    public static List<UploadFile> Files(IEnumerable<UploadFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var list = files.ToList();
        if (list.Count == 0 || list.Contains(null!))
        {
            throw new ArgumentException("Give at least one file to upload, and no null; nothing was sent.", nameof(files));
        }

        foreach (var file in list)
        {
            Arguments.ValidateText(file.Label, nameof(files));
        }

        return list;
    }

    /// <summary>The addresses as sent: at least one, each absolute http or https.</summary>
    public static List<string> Urls(IEnumerable<Uri> urls)
    {
        ArgumentNullException.ThrowIfNull(urls);
        var list = new List<string>();
        foreach (var url in urls)
        {
            if (url is not { IsAbsoluteUri: true } || url.Scheme is not ("http" or "https"))
            {
                throw new ArgumentException($"Mielto fetches absolute http or https addresses only ('{url}' is not one); nothing was sent.", nameof(urls));
            }

            list.Add(url.AbsoluteUri);
        }

        return list.Count > 0 ? list : throw new ArgumentException("Give at least one address to upload; nothing was sent.", nameof(urls));
    }

    /// <summary>Checks a folder upload: the folder must exist, and the limits be positive.</summary>
    public static void Validate(string directory, DirectoryUploadOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"There is no folder '{directory}' to upload; nothing was sent.");
        }

        if (options.MaxBatchFiles < 1 || options.MaxBatchBytes < 1 || options.MaxConcurrency is < 1 or > 64)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options),
                $"{nameof(DirectoryUploadOptions)}.{nameof(DirectoryUploadOptions.MaxBatchFiles)} and {nameof(DirectoryUploadOptions.MaxBatchBytes)} must be positive, and {nameof(DirectoryUploadOptions.MaxConcurrency)} 1 to 64; nothing was sent.");
        }

        if (options.Extensions?.Any(static e => string.IsNullOrWhiteSpace(e) || e is ".") is true)
        {
            throw new ArgumentException($"{nameof(DirectoryUploadOptions)}.{nameof(DirectoryUploadOptions.Extensions)} cannot hold a blank extension; nothing was sent.", nameof(options));
        }
    }
}
