using System.Collections.Immutable;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace EmotionNet.Training.Tests.Reliability;

/// <summary>
/// Finds, in an assembly's IL, every call that hands TorchSharp 0.107 a temporary <see cref="TorchSharp.Scalar"/>:
/// an implicit conversion to Scalar, a tensor operator with a number operand, <c>Tensor + Tensor</c>, and the
/// one-argument <c>add</c> / <c>add_</c>, whose alpha of 1 TorchSharp converts itself.
/// </summary>
internal static class TemporaryScalarCalls
{
    private static readonly Dictionary<short, OperandType> Operands = typeof(OpCodes).GetFields()
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value, o => o.OperandType);

    private static readonly HashSet<string> Operators = ["op_Addition", "op_Subtraction", "op_Multiply", "op_Division"];

    /// <summary>"Type.Method: callee" for each offending call in the assembly at <paramref name="path"/>.</summary>
    public static IEnumerable<string> In(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        var names = new TypeNames();
        var found = new List<string>();
        foreach (var typeHandle in md.TypeDefinitions)
        {
            var type = md.GetTypeDefinition(typeHandle);
            foreach (var methodHandle in type.GetMethods())
            {
                var method = md.GetMethodDefinition(methodHandle);
                if (method.RelativeVirtualAddress == 0) continue;
                var il = pe.GetMethodBody(method.RelativeVirtualAddress).GetILReader();
                while (il.RemainingBytes > 0)
                {
                    short code = il.ReadByte();
                    if (code == 0xFE) code = unchecked((short)(0xFE00 | il.ReadByte()));
                    var operand = Operands[code];
                    if (operand == OperandType.InlineMethod)
                    {
                        var callee = Describe(md, names, MetadataTokens.EntityHandle(il.ReadInt32()));
                        if (callee is not null && Offends(callee.Value))
                            found.Add($"{md.GetString(type.Name)}.{md.GetString(method.Name)}: {callee.Value.Type}.{callee.Value.Name}({string.Join(", ", callee.Value.Parameters)})");
                    }
                    else Skip(ref il, operand);
                }
            }
        }
        return found;
    }

    private static bool Offends((string Type, string Name, ImmutableArray<string> Parameters) callee) => callee switch
    {
        ("TorchSharp.Scalar", "op_Implicit", _) => true,
        ("TorchSharp.torch/Tensor", var name, var p) when Operators.Contains(name) =>
            p.Any(t => t != "TorchSharp.torch/Tensor") || name == "op_Addition",
        ("TorchSharp.torch/Tensor", "add" or "add_", var p) => p.Length == 1,
        _ => false,
    };

    private static (string Type, string Name, ImmutableArray<string> Parameters)? Describe(MetadataReader md, TypeNames names, EntityHandle handle)
    {
        if (handle.Kind != HandleKind.MemberReference) return null;
        var member = md.GetMemberReference((MemberReferenceHandle)handle);
        if (member.GetKind() != MemberReferenceKind.Method || member.Parent.Kind != HandleKind.TypeReference) return null;
        var signature = member.DecodeMethodSignature(names, null);
        return (names.GetTypeFromReference(md, (TypeReferenceHandle)member.Parent, 0), md.GetString(member.Name), signature.ParameterTypes);
    }

    private static void Skip(ref BlobReader il, OperandType operand)
    {
        switch (operand)
        {
            case OperandType.InlineNone: break;
            case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar: il.Offset += 1; break;
            case OperandType.InlineVar: il.Offset += 2; break;
            case OperandType.InlineI8 or OperandType.InlineR: il.Offset += 8; break;
            case OperandType.InlineSwitch: il.Offset += 4 * il.ReadInt32(); break;
            default: il.Offset += 4; break;
        }
    }

    // Type names as "Namespace.Outer/Inner"; enough of a signature decoder to tell parameter types apart.
    private sealed class TypeNames : ISignatureTypeProvider<string, object?>
    {
        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();
        public string GetTypeFromDefinition(MetadataReader md, TypeDefinitionHandle handle, byte rawTypeKind) => md.GetString(md.GetTypeDefinition(handle).Name);
        public string GetTypeFromReference(MetadataReader md, TypeReferenceHandle handle, byte rawTypeKind)
        {
            var type = md.GetTypeReference(handle);
            var name = md.GetString(type.Name);
            return type.ResolutionScope.Kind == HandleKind.TypeReference
                ? $"{GetTypeFromReference(md, (TypeReferenceHandle)type.ResolutionScope, rawTypeKind)}/{name}"
                : $"{md.GetString(type.Namespace)}.{name}";
        }
        public string GetTypeFromSpecification(MetadataReader md, object? context, TypeSpecificationHandle handle, byte rawTypeKind) => "spec";
        public string GetSZArrayType(string elementType) => elementType + "[]";
        public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[,]";
        public string GetByReferenceType(string elementType) => elementType + "&";
        public string GetPointerType(string elementType) => elementType + "*";
        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) => $"{genericType}<{string.Join(",", typeArguments)}>";
        public string GetGenericTypeParameter(object? context, int index) => $"!{index}";
        public string GetGenericMethodParameter(object? context, int index) => $"!!{index}";
        public string GetFunctionPointerType(MethodSignature<string> signature) => "fnptr";
        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;
        public string GetPinnedType(string elementType) => elementType;
    }
}
