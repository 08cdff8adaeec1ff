using System.Reflection;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;

namespace Mielto.Client.Tests;

/// <summary>Checks the whole public surface by reflection, so that a new member cannot break the SDK's rules.</summary>
public sealed class ConventionTests
{
    private static readonly Assembly Sdk = typeof(MieltoClient).Assembly;
    private static readonly Assembly Testing = typeof(Mielto.Client.Testing.MieltoTestServer).Assembly;
    private static readonly Assembly AI = typeof(Mielto.Client.AI.MieltoMemoryTools).Assembly;
    private static readonly Assembly Agents = typeof(Mielto.Client.Agents.MieltoMemoryProvider).Assembly;

    /// <summary>The public types of the four packages.</summary>
    private static IEnumerable<Type> PublicTypes => new[] { Sdk, Testing, AI, Agents }.SelectMany(a => a.GetExportedTypes());

    private static IEnumerable<MethodInfo> PublicMethods => PublicTypes.SelectMany(t =>
        t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)).Where(m => !m.IsSpecialName);

    [Fact]
    public void Every_public_async_method_ends_with_an_optional_CancellationToken()
    {
        var asyncMethods = PublicMethods.Where(m => typeof(Task).IsAssignableFrom(m.ReturnType)).ToList();

        Assert.NotEmpty(asyncMethods);
        Assert.All(asyncMethods, m =>
        {
            var last = m.GetParameters().LastOrDefault();
            Assert.True(last?.ParameterType == typeof(CancellationToken) && last.HasDefaultValue, $"{m.DeclaringType}.{m.Name} must end with 'CancellationToken cancellationToken = default'");
            Assert.EndsWith("Async", m.Name);
        });
    }

    [Fact]
    public void No_transport_library_type_appears_in_a_public_signature()
    {
        string[] forbidden = ["Refit", "Polly", "WireMock"];
        var exposed = PublicTypes.SelectMany(t => t.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .SelectMany(member => member switch
            {
                MethodBase method => method.GetParameters().Select(p => p.ParameterType).Append((method as MethodInfo)?.ReturnType ?? typeof(void)),
                PropertyInfo property => [property.PropertyType],
                FieldInfo field => [field.FieldType],
                _ => [],
            })
            .Concat(PublicTypes.SelectMany(t => t.GetInterfaces().Append(t.BaseType ?? typeof(object))));

        Assert.DoesNotContain(exposed, type => forbidden.Any(f => type.Namespace?.StartsWith(f, StringComparison.Ordinal) == true));
    }

    [Fact]
    public void Every_public_exception_derives_from_MieltoException()
    {
        var exceptions = PublicTypes.Where(t => typeof(Exception).IsAssignableFrom(t)).ToList();

        Assert.Equal(16, exceptions.Count);
        Assert.All(exceptions, t => Assert.True(typeof(MieltoException).IsAssignableFrom(t), t.Name));
    }

    [Fact]
    public void Operation_groups_can_be_mocked_and_models_are_immutable()
    {
        Assert.True(typeof(IMemoriesClient).IsInterface);
        Assert.All(typeof(MemoriesClient).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly), m => Assert.True(m.IsVirtual, m.Name));
        Assert.True(typeof(MieltoClient).GetProperty(nameof(MieltoClient.Memories))!.GetMethod!.IsVirtual);
        var models = Sdk.GetExportedTypes().Where(t => t.GetMethod("<Clone>$") is not null)
            .Concat([typeof(Mielto.Client.Testing.TestMemory), typeof(Mielto.Client.Testing.RecordedRequest)]).ToList();
        Assert.Contains(typeof(Memory), models);
        Assert.True(models.Count >= 14, string.Join(", ", models.Select(m => m.Name)));
        foreach (var model in models)
        {
            Assert.True(model.IsSealed, model.Name);
            Assert.All(model.GetProperties(), p => Assert.True(p.SetMethod is null || p.SetMethod.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.Name == "IsExternalInit"), $"{model.Name}.{p.Name}"));
        }
    }

    [Fact]
    public void The_DI_extensions_live_in_the_DependencyInjection_namespace()
    {
        Assert.Equal("Microsoft.Extensions.DependencyInjection", typeof(MieltoServiceCollectionExtensions).Namespace);
        Assert.All(Sdk.GetExportedTypes().Where(t => t != typeof(MieltoServiceCollectionExtensions)), t => Assert.Equal("Mielto.Client", t.Namespace));
        Assert.All(Testing.GetExportedTypes(), t => Assert.Equal("Mielto.Client.Testing", t.Namespace));
        Assert.Equal("Microsoft.Extensions.AI", typeof(Microsoft.Extensions.AI.MieltoChatClientBuilderExtensions).Namespace);
        Assert.Equal("Microsoft.Extensions.DependencyInjection", typeof(MieltoMemoryToolsServiceCollectionExtensions).Namespace);
        Assert.All(
            AI.GetExportedTypes().Where(t => t != typeof(Microsoft.Extensions.AI.MieltoChatClientBuilderExtensions)),
            t => Assert.Equal(t.Name.EndsWith("ServiceCollectionExtensions", StringComparison.Ordinal) ? "Microsoft.Extensions.DependencyInjection" : "Mielto.Client.AI", t.Namespace));
        Assert.All(
            Agents.GetExportedTypes(),
            t => Assert.Equal(t.Name.EndsWith("ServiceCollectionExtensions", StringComparison.Ordinal) ? "Microsoft.Extensions.DependencyInjection" : "Mielto.Client.Agents", t.Namespace));
    }

    [Fact]
    public void Every_public_member_has_xml_documentation()
    {
        var documented = new[] { Sdk, Testing, AI, Agents }
            .SelectMany(assembly => XDocument.Load(Path.ChangeExtension(assembly.Location, ".xml")).Descendants("member"))
            .Select(m => (string)m.Attribute("name")!).ToHashSet();
        var members = PublicTypes.Select(t => "T:" + t.FullName)
            .Concat(PublicTypes.SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
                .Select(p => $"P:{p.DeclaringType!.FullName}.{p.Name}"));

        Assert.All(members, name => Assert.Contains(name, documented));
    }
}
