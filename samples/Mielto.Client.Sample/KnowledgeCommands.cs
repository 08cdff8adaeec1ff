using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace Mielto.Client.Sample;

/// <summary>
/// The knowledge commands: <c>collections create|list|get|update|delete|search</c>, <c>upload</c>, <c>ingest</c> (a
/// folder, with a live progress bar on a terminal), <c>contents list|get|delete</c> and <c>chunks list</c>.
/// </summary>
internal static class KnowledgeCommands
{
    public static IEnumerable<Command> Build(CliEnvironment environment, CommandRunner.WithClient<MieltoClient> withClient)
    {
        yield return new Command("collections", "Create, list, read, change, delete and search knowledge collections.")
        {
            CreateCollection(environment, withClient), ListCollections(environment, withClient), GetCollection(environment, withClient),
            UpdateCollection(environment, withClient), DeleteCollection(environment, withClient), Search(environment, withClient),
        };
        yield return Upload(environment, withClient);
        yield return Ingest(environment, withClient);
        yield return new Command("contents", "List, read and delete the documents of collections.")
        {
            ListContents(environment, withClient), GetContent(environment, withClient), DeleteContent(environment, withClient),
        };
        yield return new Command("chunks", "List the chunks of a collection.") { ListChunks(environment, withClient) };
        yield return Compress(environment, withClient);
    }

    private static Command CreateCollection(CliEnvironment environment, CommandRunner.WithClient<MieltoClient> withClient)
    {
        var name = new Argument<string>("name") { Description = "Its name, 1 to 100 characters." };
        var description = new Option<string?>("--description") { Description = "Its description." };
        var tags = new Option<string[]>("--tag") { Description = "A tag; repeat for more.", Arity = ArgumentArity.ZeroOrMore };
        return CommandRunner.Define(new Command("create", "Create a collection.") { name, description, tags }, environment, withClient, async (parse, mielto, common, token) =>
        {
            var created = await mielto.Collections.CreateAsync(
                new CollectionCreateRequest { Name = parse.GetValue(name)!, Description = parse.GetValue(description), Tags = parse.GetValue(tags) is { Length: > 0 } t ? t : null }, common.WorkspaceId, token);
            return CommandRunner.Write(environment, common, created, SampleJson.Output.Collection, () => environment.Out.WriteLine($"created {created.Id}  {created.Name}"));
        });
    }

    private static Command ListCollections(CliEnvironment environment, CommandRunner.WithClient<MieltoClient> withClient)
    {
        var search = new Option<string?>("--search") { Description = "Only collections whose name or description has this text." };
        return CommandRunner.Define(new Command("list", "List every collection (as JSON lines with --json).") { search }, environment, withClient, async (parse, mielto, common, token) =>
        {
            await foreach (var collection in mielto.Collections.ListAllAsync(new CollectionListOptions { Search = parse.GetValue(search) }, common.WorkspaceId, token))
            {
                CommandRunner.Write(environment, common, collection, SampleJson.Output.Collection, () => environment.Out.WriteLine($"{collection.Id}  {collection.Name}  {collection.Status}"));
            }

            return ExitCodes.Success;
        });
    }

    private static Command GetCollection(CliEnvironment environment, CommandRunner.WithClient<MieltoClient> withClient)
    {
        var id = CollectionId();
        return CommandRunner.Define(new Command("get", "Show one collection.") { id }, environment, withClient, async (parse, mielto, common, token) =>
        {
            var collection = await mielto.Collections.GetAsync(parse.GetValue(id)!, common.WorkspaceId, token);
            return CommandRunner.Write(environment, common, collection, SampleJson.Output.Collection, () =>
                environment.Out.WriteLine($"{collection.Id}  {collection.Name}  {collection.Status}  {collection.Visibility}\n{collection.Description}".TrimEnd()));
        });
    }

    private static Command UpdateCollection(CliEnvironment environment, CommandRunner.WithClient<MieltoClient> withClient)
    {
        var id = CollectionId();
        var name = new Option<string?>("--name") { Description = "Its new name." };
        var description = new Option<string?>("--description") { Description = "Its new description." };
        return CommandRunner.Define(new Command("update", "Change a collection's name or description.") { id, name, description }, environment, withClient, async (parse, mielto, common, token) =>
        {
            var updated = await mielto.Collections.UpdateAsync(
                parse.GetValue(id)!, new CollectionUpdateRequest { Name = parse.GetValue(name), Description = parse.GetValue(description) }, common.WorkspaceId, token);
            return CommandRunner.Write(environment, common, updated, SampleJson.Output.Collection, () => environment.Out.WriteLine($"updated {updated.Id}  {updated.Name}"));
        });
    }

    private static Command DeleteCollection(CliEnvironment environment, CommandRunner.WithClient<MieltoClient> withClient)
    {
        var id = CollectionId();
        return CommandRunner.Define(new Command("delete", "Delete a collection and everything in it.") { id }, environment, withClient, async (parse, mielto, common, token) =>
        {
            var deleted = await mielto.Collections.DeleteAsync(parse.GetValue(id)!, common.WorkspaceId, token);
            return CommandRunner.Write(environment, common, deleted, SampleJson.Output.CollectionDeleteResult, () => environment.Out.WriteLine($"deleting {deleted.CollectionId} ({deleted.Status})".Replace(" ()", string.Empty, StringComparison.Ordinal)));
        });
    }

    private static Command Search(CliEnvironment environment, CommandRunner.WithClient<MieltoClient> withClient)
    {
        var id = CollectionId();
        var query = new Argument<string>("query") { Description = "What to look for." };
        var k = new Option<int?>("--k") { Description = "How many results, 1 to 100 (the server's default: 10)." };
        return CommandRunner.Define(new Command("search", "Search a collection's chunks, best first.") { id, query, k }, environment, withClient, async (parse, mielto, common, token) =>
        {
            var found = await mielto.Collections.SearchAsync(new CollectionSearchRequest { CollectionId = parse.GetValue(id)!, Query = parse.GetValue(query)!, K = parse.GetValue(k) }, common.WorkspaceId, token);
            return CommandRunner.Write(environment, common, found, SampleJson.Output.CollectionSearchResponse, () =>
            {
                foreach (var result in found.Results)
                {
                    environment.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result.Score:0.000}  {result.Content}"));
                }
            });
        });
    }

    private static Command Upload(CliEnvironment environment, CommandRunner.WithClient<MieltoClient> withClient)
    {
        var id = CollectionId();
        var files = new Argument<string[]>("file") { Description = "Files to upload, in one request.", Arity = ArgumentArity.ZeroOrMore };
        var text = new Option<string?>("--text") { Description = "Text to upload as one content." };
        var urls = new Option<string[]>("--url") { Description = "A web page for Mielto to fetch; repeat for more.", Arity = ArgumentArity.ZeroOrMore };
        var label = new Option<string?>("--label") { Description = "The text's name in the collection." };
        var noIngest = new Option<bool>("--no-ingest") { Description = "Store only; chunk later (POST /api/v1/chunks/create)." };
        var command = new Command("upload", "Upload files, text or web pages to a collection; exit code 5 when an item failed.") { id, files, text, urls, label, noIngest };
        return CommandRunner.Define(command, environment, withClient, async (parse, mielto, common, token) =>
        {
            var options = new UploadOptions { Label = parse.GetValue(label), Ingest = !parse.GetValue(noIngest) };
            var collection = parse.GetValue(id)!;
            var results = new List<UploadResult>();
            if (parse.GetValue(files) is { Length: > 0 } paths)
            {
                results.Add(await mielto.Collections.UploadFilesAsync(collection, paths.Select(p => UploadFile.FromPath(p)), options, common.WorkspaceId, token));
            }

            if (parse.GetValue(text) is { } content)
            {
                results.Add(await mielto.Collections.UploadTextAsync(collection, content, options, common.WorkspaceId, token));
            }

            if (parse.GetValue(urls) is { Length: > 0 } addresses)
            {
                results.Add(await mielto.Collections.UploadUrlsAsync(collection, addresses.Select(a => Uri.TryCreate(a, UriKind.Absolute, out var uri) ? uri : throw new UsageException($"--url '{a}' is not an absolute address.")), options, common.WorkspaceId, token));
            }

            if (results.Count == 0)
            {
                throw new UsageException("Give files, --text or --url to upload.");
            }

            foreach (var result in results)
            {
                CommandRunner.Write(environment, common, result, SampleJson.Output.UploadResult, () =>
                {
                    foreach (var item in result.Contents)
                    {
                        environment.Out.WriteLine(item.Succeeded ? $"uploaded {item.Id}  {item.Name}" : $"failed   {item.Name}: {item.Error}");
                    }
                });
            }

            return results.All(r => r.FailedUploads == 0) ? ExitCodes.Success : ExitCodes.ServerOrTransport;
        });
    }

    private static Command Ingest(CliEnvironment environment, CommandRunner.WithClient<MieltoClient> withClient)
    {
        var id = CollectionId();
        var directory = new Argument<string>("directory") { Description = "The folder to upload." };
        var extensions = new Option<string[]>("--ext") { Description = "Only files with this extension (pdf or .pdf); repeat for more.", Arity = ArgumentArity.ZeroOrMore };
        var exclude = new Option<string[]>("--exclude") { Description = "Leave out what matches this .gitignore-style pattern; repeat for more.", Arity = ArgumentArity.ZeroOrMore };
        var noGitIgnore = new Option<bool>("--no-gitignore") { Description = "Upload what .gitignore files leave out as well." };
        var hidden = new Option<bool>("--include-hidden") { Description = "Upload hidden files and folders too (never .git)." };
        var parallel = new Option<int>("--parallel") { Description = "Requests in flight at once (1 to 64).", DefaultValueFactory = _ => 4 };
        var command = new Command("ingest", "Upload a folder to a collection, with progress; a rerun uploads only what is missing. Exit code 5 when a file failed.")
        {
            id, directory, extensions, exclude, noGitIgnore, hidden, parallel,
        };
        return CommandRunner.Define(command, environment, withClient, async (parse, mielto, common, token) =>
        {
            var options = new DirectoryUploadOptions
            {
                Extensions = parse.GetValue(extensions),
                Exclude = parse.GetValue(exclude),
                UseGitIgnore = !parse.GetValue(noGitIgnore),
                IncludeHidden = parse.GetValue(hidden),
                MaxConcurrency = parse.GetValue(parallel),
            };
            var result = await IngestProgress.RunAsync(environment, common.Json, progress => mielto.Collections.UploadDirectoryAsync(parse.GetValue(id)!, parse.GetValue(directory)!, options, progress, common.WorkspaceId, token));
            CommandRunner.Write(environment, common, result, SampleJson.Output.DirectoryUploadResult, () =>
            {
                foreach (var failure in result.Failed)
                {
                    environment.Out.WriteLine($"failed   {failure.Path}: {failure.Reason}");
                }

                environment.Out.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{result.Uploaded.Count} uploaded, {result.Skipped.Count} already there, {result.Failed.Count} failed; {result.BytesUploaded / 1024.0 / 1024:0.0} MiB in {result.Requests} requests, {result.Elapsed.TotalSeconds:0.0} s"));
            });
            return result.Complete ? ExitCodes.Success : ExitCodes.ServerOrTransport;
        });
    }

    private static Command ListContents(CliEnvironment environment, CommandRunner.WithClient<MieltoClient> withClient)
    {
        var collection = new Option<string?>("--collection-id") { Description = "Only this collection's documents." };
        var status = new Option<string?>("--status") { Description = "Only documents in this state: new, processing, completed or failed." };
        return CommandRunner.Define(new Command("list", "List documents (as JSON lines with --json).") { collection, status }, environment, withClient, async (parse, mielto, common, token) =>
        {
            var options = new ContentListOptions { CollectionId = parse.GetValue(collection), Status = parse.GetValue(status) is { } s ? new ContentStatus(s) : (ContentStatus?)null };
            await foreach (var content in mielto.Contents.ListAllAsync(options, common.WorkspaceId, token))
            {
                CommandRunner.Write(environment, common, content, SampleJson.Output.CollectionContent, () => environment.Out.WriteLine($"{content.Id}  {content.Name}  {content.Status}"));
            }

            return ExitCodes.Success;
        });
    }

    private static Command GetContent(CliEnvironment environment, CommandRunner.WithClient<MieltoClient> withClient)
    {
        var id = new Argument<string>("contentId") { Description = "The document's id." };
        return CommandRunner.Define(new Command("get", "Show one document and its ingestion status.") { id }, environment, withClient, async (parse, mielto, common, token) =>
        {
            var content = await mielto.Contents.GetAsync(parse.GetValue(id)!, common.WorkspaceId, token);
            return CommandRunner.Write(environment, common, content, SampleJson.Output.CollectionContent, () =>
                environment.Out.WriteLine($"{content.Id}  {content.Name}  {content.Type}  {content.Size} bytes  {content.Status} {content.StatusMessage}".TrimEnd()));
        });
    }

    private static Command DeleteContent(CliEnvironment environment, CommandRunner.WithClient<MieltoClient> withClient)
    {
        var id = new Argument<string>("contentId") { Description = "The document's id." };
        return CommandRunner.Define(new Command("delete", "Delete a document and its chunks.") { id }, environment, withClient, async (parse, mielto, common, token) =>
        {
            var contentId = parse.GetValue(id)!;
            await mielto.Contents.DeleteAsync(contentId, common.WorkspaceId, token);
            environment.Out.WriteLine(common.Json ? $$"""{"deleted":"{{System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping.Encode(contentId)}}"}""" : $"deleted {contentId}");
            return ExitCodes.Success;
        });
    }

    private static Command ListChunks(CliEnvironment environment, CommandRunner.WithClient<MieltoClient> withClient)
    {
        var id = CollectionId();
        var content = new Option<string?>("--content-id") { Description = "Only this document's chunks." };
        return CommandRunner.Define(new Command("list", "List a collection's chunks (as JSON lines with --json).") { id, content }, environment, withClient, async (parse, mielto, common, token) =>
        {
            await foreach (var chunk in mielto.Contents.ListAllChunksAsync(new ChunkListOptions { CollectionId = parse.GetValue(id), ContentId = parse.GetValue(content) }, common.WorkspaceId, token))
            {
                CommandRunner.Write(environment, common, chunk, SampleJson.Output.CollectionChunk, () => environment.Out.WriteLine($"{chunk.Id}  {chunk.Content}"));
            }

            return ExitCodes.Success;
        });
    }

    private static Command Compress(CliEnvironment environment, CommandRunner.WithClient<MieltoClient> withClient)
    {
        var file = new Argument<string?>("file") { Description = "The file whose text to compress ('-' for standard input).", Arity = ArgumentArity.ZeroOrOne };
        var text = new Option<string?>("--text") { Description = "The text to compress." };
        return CommandRunner.Define(new Command("compress", "Compress a text with Mielto, and print the result.") { file, text }, environment, withClient, async (parse, mielto, common, token) =>
        {
            var content = (parse.GetValue(text), parse.GetValue(file)) switch
            {
                ({ } given, null) => given,
                (null, "-") => await environment.In.ReadToEndAsync(token),
                (null, { } path) => await File.ReadAllTextAsync(path, token),
                _ => throw new UsageException("Give a file or --text, not both."),
            };
            var result = await mielto.Compress.CompressAsync(new CompressRequest { Text = content }, cancellationToken: token);
            return CommandRunner.Write(environment, common, result, SampleJson.Output.CompressResult, () =>
            {
                environment.Out.WriteLine(result.Content ?? result.Message);
                environment.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result.OriginalLength} → {result.CompressedLength} characters"));
            });
        });
    }

    private static Argument<string> CollectionId() => new("collectionId") { Description = "The collection's id." };
}
