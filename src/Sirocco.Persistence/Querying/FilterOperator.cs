namespace Sirocco.Persistence.Querying;

/// <summary>Comparison in a list filter; names follow Mistral's <c>field=op:value</c> query syntax.</summary>
public enum FilterOperator
{
    /// <summary><c>eq</c> (the default when no operator is given).</summary>
    Eq,

    /// <summary><c>neq</c>.</summary>
    Neq,

    /// <summary><c>in</c>: value is one of <see cref="FieldFilter.Values"/>.</summary>
    In,

    /// <summary><c>nin</c>: value is none of <see cref="FieldFilter.Values"/>.</summary>
    Nin,

    /// <summary><c>gt</c>.</summary>
    Gt,

    /// <summary><c>gte</c>.</summary>
    Gte,

    /// <summary><c>lt</c>.</summary>
    Lt,

    /// <summary><c>lte</c>.</summary>
    Lte,

    /// <summary><c>has</c>: text contains the value (tags: the list holds it).</summary>
    Has,
}
