using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WebUI.Engine.Content;
using WebUI.Engine.Snapshots;
using WebUI.Engine.Storage;

namespace WebUI.Engine.Images;

/// <summary>
/// Image records and names, in memory and on disk: images/imagedb/&lt;hex&gt;.json per image, images/repositories.json
/// for names, both written atomically; configurations live in the content store. Callers serialize mutations.
/// </summary>
internal sealed partial class ImageStore
{
    private readonly string _root;
    private readonly string _imageDb;
    private readonly string _referencesPath;
    private readonly IContentStore _content;
    private readonly ILogger<ImageStore> _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (StoredImage Stored, ImageSpec Spec)> _images = new(StringComparer.Ordinal);
    private ReferenceFile _refs = new();

    public ImageStore(IOptions<EngineOptions> options, IContentStore content, ILogger<ImageStore> logger)
    {
        _root = Path.Combine(options.Value.DataRoot, "images");
        _imageDb = Path.Combine(_root, "imagedb");
        _referencesPath = Path.Combine(_root, "repositories.json");
        _content = content;
        _logger = logger;
    }

    public void Initialize()
    {
        Directory.CreateDirectory(_imageDb);
        lock (_gate)
        {
            _images.Clear();
            foreach (var file in Directory.EnumerateFiles(_imageDb, "*.json"))
            {
                try
                {
                    var stored = AtomicFile.ReadJson<StoredImage>(file, ImageJson.Options)!;
                    _images[stored.Id] = (stored, ReadSpec(Digest.Parse(stored.Id)));
                }
                catch (Exception e) when (e is JsonException or IOException or Errors.EngineException)
                {
                    LogUnreadable(_logger, file, e.Message);
                }
            }
            _refs = AtomicFile.ReadJson<ReferenceFile>(_referencesPath) ?? new ReferenceFile();
            foreach (var dangling in _refs.References.Where(r => !_images.ContainsKey(r.Value)).Select(r => r.Key).ToList())
                _refs.References.Remove(dangling);
        }
    }

    /// <summary>Reads and parses a configuration blob.</summary>
    public ImageSpec ReadSpec(Digest configDigest)
    {
        using var s = _content.OpenRead(configDigest);
        return JsonSerializer.Deserialize<ImageSpec>(s, ImageJson.Options) ?? throw new JsonException("empty image config");
    }

    public IReadOnlyList<ImageRecord> All()
    {
        lock (_gate) return _images.Values.Select(i => ToRecord(i.Stored, i.Spec)).ToList();
    }

    public ImageRecord? ById(string id)
    {
        lock (_gate) return _images.TryGetValue(id, out var i) ? ToRecord(i.Stored, i.Spec) : null;
    }

    public StoredImage? StoredById(string id)
    {
        lock (_gate) return _images.TryGetValue(id, out var i) ? i.Stored : null;
    }

    /// <summary>The image id a normalized name points to, or null.</summary>
    public string? Resolve(string name)
    {
        lock (_gate) return _refs.References.TryGetValue(name, out var id) ? id : null;
    }

    /// <summary>Ids that start with the given hex prefix.</summary>
    public IReadOnlyList<string> SearchPrefix(string hexPrefix)
    {
        lock (_gate) return _images.Keys.Where(k => k.AsSpan(Digest.Sha256Prefix.Length).StartsWith(hexPrefix, StringComparison.Ordinal)).ToList();
    }

    /// <summary>Makes an image visible. Called only once all its layers are committed.</summary>
    public void Add(StoredImage stored, ImageSpec spec)
    {
        AtomicFile.WriteJson(Path.Combine(_imageDb, Digest.Parse(stored.Id).Hex + ".json"), stored, ImageJson.Options);
        lock (_gate) _images[stored.Id] = (stored, spec);
    }

    /// <summary>Points a normalized name at an image; returns the image it pointed to before, if another.</summary>
    public string? SetReference(string name, string id, DateTimeOffset now)
    {
        lock (_gate)
        {
            _refs.References.TryGetValue(name, out var previous);
            _refs.References[name] = id;
            AtomicFile.WriteJson(_referencesPath, _refs);
            if (_images.TryGetValue(id, out var image))
            {
                var stored = image.Stored with { LastTagTime = now };
                AtomicFile.WriteJson(Path.Combine(_imageDb, Digest.Parse(id).Hex + ".json"), stored, ImageJson.Options);
                _images[id] = (stored, image.Spec);
            }
            return previous == id ? null : previous;
        }
    }

    public bool RemoveReference(string name)
    {
        lock (_gate)
        {
            if (!_refs.References.Remove(name)) return false;
            AtomicFile.WriteJson(_referencesPath, _refs);
            return true;
        }
    }

    /// <summary>Forgets an image and every name pointing to it (the caller has untagged and reported those).</summary>
    public void Delete(string id)
    {
        lock (_gate)
        {
            foreach (var name in _refs.References.Where(r => r.Value == id).Select(r => r.Key).ToList()) _refs.References.Remove(name);
            AtomicFile.WriteJson(_referencesPath, _refs);
            _images.Remove(id);
            File.Delete(Path.Combine(_imageDb, Digest.Parse(id).Hex + ".json"));
        }
    }

    private ImageRecord ToRecord(StoredImage stored, ImageSpec spec)
    {
        var names = _refs.References.Where(r => r.Value == stored.Id).Select(r => r.Key).ToList();
        return new ImageRecord
        {
            Id = stored.Id,
            Spec = spec,
            RepoTags = names.Where(n => !n.Contains('@')).ToList(),
            RepoDigests = names.Where(n => n.Contains('@')).ToList(),
            ChainIds = stored.ChainIds,
            Size = stored.Size,
            Stored = stored.Stored,
            LastTagTime = stored.LastTagTime,
            Parent = stored.Parent,
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipping unreadable image record {Path}: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string path, string reason);
}
