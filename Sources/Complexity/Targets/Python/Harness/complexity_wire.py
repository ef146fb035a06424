"""The harness's JSON lines, read and written by CPython's own C codec.

Part of complexity's CPython harness (complexity_harness.py). The json
package's decoder imports re (and re imports enum): under valgrind that is
0.2 s of a counting worker's start of about 1.3 s (measured on an Intel
Xeon, CPython 3.11.7), paid before anything is counted. `_json`, the C
module the json package is built on, reads and writes the same text
without them. Where it is missing (PyPy) the json package serves, and
`loads`/`dumps` give what json.loads/json.dumps give either way."""

try:
    import _json
except ImportError:
    _json = None


class _Decoding:
    """The settings _json's scanner reads off a json.JSONDecoder: the
    defaults of json.loads."""
    strict = True
    object_hook = None
    object_pairs_hook = None
    parse_float = float
    parse_int = int
    parse_constant = {"NaN": float("nan"), "Infinity": float("inf"),
                      "-Infinity": float("-inf")}.__getitem__


def _refuse(value):
    raise TypeError("Object of type %s is not JSON serializable" % type(value).__name__)


def _c_codec():
    """loads and dumps on _json, or None where it cannot make them."""
    try:
        scan = _json.make_scanner(_Decoding())
        # json.dumps' defaults: circular check, ASCII, ", " and ": ", NaN allowed.
        encode = _json.make_encoder({}, _refuse, _json.encode_basestring_ascii, None,
                                    ": ", ", ", False, False, True)
    except (AttributeError, TypeError):
        return None

    def loads(text):
        try:
            value, end = scan(text, 0)
        except StopIteration:
            end = -1
        if end != len(text):
            import json  # only to say what is wrong, as json.loads would
            return json.loads(text)
        return value

    def dumps(value):
        return "".join(encode(value, 0))
    return loads, dumps


_codec = _c_codec() if _json is not None else None
if _codec is None:
    import json
    loads, dumps = json.loads, json.dumps
else:
    loads, dumps = _codec
