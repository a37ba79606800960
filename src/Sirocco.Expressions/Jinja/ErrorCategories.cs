namespace Sirocco.Expressions.Jinja;

/// <summary>The implementation-neutral error classes of the conformance corpus (<c>error.category</c>).</summary>
internal static class ErrorCategories
{
    public const string Syntax = "syntax";
    public const string Undefined = "undefined";
    public const string KeyNotFound = "key_not_found";
    public const string IndexOutOfRange = "index_out_of_range";
    public const string DivisionByZero = "division_by_zero";
    public const string TypeError = "type_error";
    public const string ValueError = "value_error";
    public const string UnknownFunction = "unknown_function";
    public const string Assertion = "assertion";
    public const string Security = "security";
    public const string Overflow = "overflow";
    public const string Other = "other";
    public const string Limit = "limit";
}
