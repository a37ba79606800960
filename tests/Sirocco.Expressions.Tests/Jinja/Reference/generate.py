"""Regenerates reference-jinja2.jsonl: each line of expressions.txt ("CONTEXT EXPR", \\n for a newline,
'## group' starts a group) evaluated by Mistral 15's own Jinja evaluator (python3-mistral, Debian).
Usage: /usr/bin/python3 generate.py expressions.txt reference-jinja2.jsonl ../../../../shared/conformance/expressions/contexts.json
Records follow the format of the shared expression corpus; cases Sirocco deliberately does not match are
listed in docs/expressions.md and kept out of expressions.txt."""
import json, sys, types, hashlib
import jinja2
from jinja2 import sandbox
from mistral.expressions import jinja_expression as J

contexts = json.load(open(sys.argv[3]))

def category(e):
    n = type(e).__name__
    m = str(e)
    if isinstance(e, jinja2.exceptions.UndefinedError): return 'undefined'
    if isinstance(e, sandbox.SecurityError): return 'security'
    if 'No filter named' in m or 'No test named' in m: return 'unknown_function'
    if isinstance(e, jinja2.exceptions.TemplateSyntaxError): return 'syntax'
    if isinstance(e, ZeroDivisionError): return 'division_by_zero'
    if isinstance(e, OverflowError): return 'overflow'
    if isinstance(e, KeyError): return 'key_not_found'
    if isinstance(e, IndexError): return 'index_out_of_range'
    if isinstance(e, TypeError): return 'type_error'
    if isinstance(e, ValueError): return 'value_error'
    if isinstance(e, AssertionError): return 'assertion'
    return 'other'  # Mistral wraps every failure; the class is informative only

def plain(v):
    if isinstance(v, jinja2.Undefined): str(v); raise RuntimeError('undef')
    if isinstance(v, (list, tuple, types.GeneratorType)) or type(v).__name__ in ('list_reverseiterator','dict_items','dict_keys','dict_values','range','dict_reversekeyiterator'):
        return [plain(x) for x in v]
    if isinstance(v, dict):
        return {(k if isinstance(k, str) else json.dumps(k)): plain(x) for k, x in v.items()}
    if isinstance(v, str): return str(v)
    if v is None or isinstance(v, (bool, int, float)): return v
    raise TypeError('unrepresentable ' + type(v).__name__)

def evaluate(expr, data):
    # Mistral returns a string without a (single-line) expression unchanged.
    if not J.InlineJinjaEvaluator.is_expression(expr):
        return expr, False
    pats = J.InlineJinjaEvaluator.find_expression_pattern.findall(expr)
    if pats[0][0] == expr:
        return J.JinjaEvaluator.evaluate(pats[0][1], data), True
    ctx = J.get_jinja_context(data)
    return J.InlineJinjaEvaluator._env.from_string(expr).render(**ctx), False

out = open(sys.argv[2], 'w')
group = 'reference'
for line in open(sys.argv[1]):
    line = line.rstrip('\n')
    if line.startswith('## '): group = line[3:].strip(); continue
    if not line or line.startswith('#'): continue
    ctxname, expr = line.split(' ', 1)
    expr = expr.replace('\\n', '\n')
    rec = {'id': 'd-' + hashlib.sha1((ctxname+expr).encode()).hexdigest()[:10], 'lang': 'jinja', 'group': group, 'context': ctxname, 'expr': expr}
    try:
        res, single = evaluate(expr, json.loads(json.dumps(contexts[ctxname])))
        try:
            p = plain(res)
        except RuntimeError:
            raise
        rec['ok'] = True; rec['result'] = p
        if single:
            if isinstance(res, (types.GeneratorType,)) or type(res).__name__ in ('list_reverseiterator','dict_items','dict_keys','dict_values','range','dict_reversekeyiterator'):
                rec['text_opaque'] = True
            else:
                rec['text'] = str(res)
    except Exception as e:
        if isinstance(e, TypeError) and str(e).startswith('unrepresentable'):
            rec['ok'] = False; rec['error'] = {'category': 'type_error', 'message': str(e)}
        else:
            rec['ok'] = False; rec['error'] = {'category': category(e), 'message': str(e)[:200]}
    try:
        out.write(json.dumps(rec, allow_nan=False) + '\n')
    except ValueError:
        pass
out.close()
