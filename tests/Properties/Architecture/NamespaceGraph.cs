using System.Reflection;
using System.Reflection.Emit;
using System.Text.RegularExpressions;

namespace NoiseDrift.Properties.Architecture;

/// <summary>
/// Which project namespace refers to which (docs/design.md "Layers"), read from compiled assemblies: a type refers to
/// every type in its signatures (base type, interfaces, fields, properties, parameters, return values, locals) and to
/// every type, method or field its IL names. Nested and compiler-generated types (lambdas, iterators) count for the
/// namespace they are declared in. Constants are inlined by the compiler and leave no trace; that is the one blind spot.
/// </summary>
internal sealed partial class NamespaceGraph
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance |
                                          BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    private readonly Dictionary<string, Dictionary<string, string>> _edges = [];

    /// <summary>Every namespace with a type in the assemblies.</summary>
    public SortedSet<string> Namespaces { get; } = new(StringComparer.Ordinal);

    /// <summary>The graph of the given assemblies, edges restricted to namespaces starting with <paramref name="prefix"/>.</summary>
    public static NamespaceGraph Of(IEnumerable<Assembly> assemblies, string prefix)
    {
        var graph = new NamespaceGraph();
        foreach (var type in assemblies.SelectMany(a => a.GetTypes()))
        {
            string? from = type.Namespace;
            if (from is null || !from.StartsWith(prefix, StringComparison.Ordinal)) continue;
            graph.Namespaces.Add(from);
            foreach (var target in References(type))
            {
                string? to = target.Namespace;
                if (to is null || to == from || !to.StartsWith(prefix, StringComparison.Ordinal)) continue;
                graph.Add(from, to, $"{Name(type)} → {Name(target)}");
            }
        }
        return graph;
    }

    /// <summary>The namespaces <paramref name="from"/> refers to, each with one example reference.</summary>
    public IReadOnlyDictionary<string, string> From(string from) =>
        _edges.TryGetValue(from, out var to) ? to : new Dictionary<string, string>();

    /// <summary>Every edge, as (from, to, example).</summary>
    public IEnumerable<(string From, string To, string Example)> Edges =>
        _edges.SelectMany(e => e.Value.Select(t => (e.Key, t.Key, t.Value)));

    /// <summary>
    /// The namespaces on a cycle, one list per strongly connected component of more than one namespace (Tarjan).
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var cycles = new List<IReadOnlyList<string>>();
        foreach (var n in Namespaces)
            if (!index.ContainsKey(n)) Connect(n);
        return cycles;

        void Connect(string v)
        {
            index[v] = low[v] = index.Count;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in From(v).Keys)
            {
                if (!index.TryGetValue(w, out int seen))
                {
                    Connect(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack.Contains(w)) low[v] = Math.Min(low[v], seen);
            }
            if (low[v] != index[v]) return;
            var component = new List<string>();
            string x;
            do
            {
                x = stack.Pop();
                onStack.Remove(x);
                component.Add(x);
            } while (x != v);
            if (component.Count > 1) cycles.Add([.. component.Order(StringComparer.Ordinal)]);
        }
    }

    /// <summary>
    /// Adds the <c>using</c> directives of the C# files under <paramref name="folder"/> as references of each file's
    /// namespace: they name the namespaces of inlined constants, which leave no trace in the IL.
    /// </summary>
    public void AddUsings(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)) continue;
            string text = File.ReadAllText(file);
            if (FileNamespace().Match(text) is not { Success: true } declared) continue;
            string from = declared.Groups["name"].Value;
            foreach (Match used in Using().Matches(text))
            {
                string name = used.Groups["name"].Value;
                bool isType = used.Groups["alias"].Success || used.Groups["static"].Success;
                string to = isType ? name[..Math.Max(0, name.LastIndexOf('.'))] : name;
                if (to != from && to.StartsWith("NoiseDrift.", StringComparison.Ordinal))
                    Add(from, to, $"using {name} in {Path.GetFileName(file)}");
            }
        }
    }

    /// <summary>Adds one reference with an example of it.</summary>
    public void Add(string from, string to, string example)
    {
        if (!_edges.TryGetValue(from, out var targets)) _edges[from] = targets = [];
        targets.TryAdd(to, example);
    }

    [GeneratedRegex(@"^namespace (?<name>[\w.]+);", RegexOptions.Multiline)]
    private static partial Regex FileNamespace();

    [GeneratedRegex(@"^using (?<static>static )?(?:(?<alias>\w+) = )?(?<name>[\w.]+);", RegexOptions.Multiline)]
    private static partial Regex Using();

    private static string Name(Type type) => type.FullName ?? type.Name;

    private static HashSet<Type> References(Type type)
    {
        var found = new HashSet<Type>();
        if (type.BaseType is { } baseType) Expand(baseType, found);
        foreach (var i in type.GetInterfaces()) Expand(i, found);
        foreach (var f in type.GetFields(Declared)) Expand(f.FieldType, found);
        foreach (var p in type.GetProperties(Declared)) Expand(p.PropertyType, found);
        foreach (var e in type.GetEvents(Declared))
            if (e.EventHandlerType is { } handler) Expand(handler, found);
        foreach (var m in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            if (m is MethodInfo method) Expand(method.ReturnType, found);
            foreach (var p in m.GetParameters()) Expand(p.ParameterType, found);
            Body(m, found);
        }
        return found;
    }

    private static void Body(MethodBase method, HashSet<Type> found)
    {
        MethodBody? body;
        try { body = method.GetMethodBody(); }
        catch (InvalidOperationException) { return; }
        if (body is null) return;
        foreach (var local in body.LocalVariables) Expand(local.LocalType, found);
        var il = body.GetILAsByteArray();
        if (il is null) return;
        var module = method.Module;
        var typeArguments = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (int at = 0; at < il.Length;)
        {
            short value = il[at++];
            if (value == 0xFE) value = (short)(0xFE00 | il[at++]);
            var code = OpCodesByValue[value];
            switch (code.OperandType)
            {
                case OperandType.InlineField:
                case OperandType.InlineMethod:
                case OperandType.InlineTok:
                case OperandType.InlineType:
                    Token(module, BitConverter.ToInt32(il, at), typeArguments, methodArguments, found);
                    at += 4;
                    break;
                case OperandType.InlineSwitch:
                    at += 4 + 4 * BitConverter.ToInt32(il, at);
                    break;
                default:
                    at += OperandSize(code.OperandType);
                    break;
            }
        }
    }

    private static void Token(Module module, int token, Type[]? typeArguments, Type[]? methodArguments, HashSet<Type> found)
    {
        MemberInfo? member;
        try { member = module.ResolveMember(token, typeArguments, methodArguments); }
        catch (ArgumentException) { return; }
        switch (member)
        {
            case Type t:
                Expand(t, found);
                break;
            case FieldInfo f:
                Expand(f.DeclaringType, found);
                Expand(f.FieldType, found);
                break;
            case MethodBase m:
                Expand(m.DeclaringType, found);
                if (m is MethodInfo { IsGenericMethod: true } generic)
                    foreach (var a in generic.GetGenericArguments()) Expand(a, found);
                break;
        }
    }

    private static void Expand(Type? type, HashSet<Type> found)
    {
        if (type is null || type.IsGenericParameter) return;
        if (type.HasElementType)
        {
            Expand(type.GetElementType(), found);
            return;
        }
        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            foreach (var a in type.GetGenericArguments()) Expand(a, found);
            type = type.GetGenericTypeDefinition();
        }
        found.Add(type);
    }

    private static int OperandSize(OperandType operand) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => 4,
    };
}
