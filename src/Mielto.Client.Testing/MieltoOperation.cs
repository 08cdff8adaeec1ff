namespace Mielto.Client.Testing;

/// <summary>The memory operations the stand-in serves, to aim a fault at one of them or to read the journal.</summary>
public enum MieltoOperation
{
    /// <summary><c>POST /api/v1/memories</c>.</summary>
    Create,

    /// <summary><c>GET /api/v1/memories/{memory_id}</c>.</summary>
    Get,

    /// <summary><c>GET /api/v1/memories</c>.</summary>
    List,

    /// <summary><c>POST /api/v1/memories/search</c>.</summary>
    Search,

    /// <summary><c>PUT /api/v1/memories/{memory_id}</c>.</summary>
    Update,

    /// <summary><c>POST /api/v1/memories/{memory_id}/replace</c>.</summary>
    Replace,

    /// <summary><c>DELETE /api/v1/memories/{memory_id}</c>.</summary>
    Delete,

    /// <summary><c>POST /api/v1/memories/from_messages</c>, known from the official SDKs.</summary>
    CreateFromMessages,

    /// <summary><c>GET /api/v1/memories/chunks</c>, known from the official SDKs.</summary>
    ListChunks,

    /// <summary><c>GET /api/v1/memories/profile</c>, known from the official SDKs.</summary>
    GetProfile,

    /// <summary><c>POST /api/v1/collections</c>.</summary>
    CreateCollection,

    /// <summary><c>GET /api/v1/collections/{collection_id}</c>.</summary>
    GetCollection,

    /// <summary><c>GET /api/v1/collections</c>.</summary>
    ListCollections,

    /// <summary><c>PUT /api/v1/collections/{collection_id}</c>.</summary>
    UpdateCollection,

    /// <summary><c>DELETE /api/v1/collections/{collection_id}</c>.</summary>
    DeleteCollection,

    /// <summary><c>POST /api/v1/collections/search</c>.</summary>
    SearchCollection,

    /// <summary><c>GET /api/v1/contents</c>.</summary>
    ListContents,

    /// <summary><c>GET /api/v1/contents/{content_id}</c>.</summary>
    GetContent,

    /// <summary><c>PATCH /api/v1/contents/{content_id}</c>.</summary>
    UpdateContent,

    /// <summary><c>DELETE /api/v1/contents/{content_id}</c>.</summary>
    DeleteContent,

    /// <summary><c>POST /api/v1/contents/bulk/delete</c>.</summary>
    DeleteContents,

    /// <summary><c>GET /api/v1/chunks</c>.</summary>
    ListCollectionChunks,

    /// <summary><c>POST /api/v1/upload</c>, as JSON with base64 files (as the official SDKs send it) or as multipart (as the docs show it).</summary>
    Upload,

    /// <summary><c>POST /api/v1/chunks/create</c>.</summary>
    CreateChunks,

    /// <summary><c>POST /api/v1/compress</c>.</summary>
    Compress,

    /// <summary><c>POST /api/v1/chat/completions</c>, answered whole or streamed.</summary>
    Chat,
}
