/** JSONata 2.x's built-in functions, with their signatures and a line of docs, for completion and hover. */
export interface JsonataFunctionDoc {
  name: string
  signature: string
  doc: string
}

const fn = (name: string, signature: string, doc: string): JsonataFunctionDoc => ({ name, signature, doc })

export const jsonataFunctions: readonly JsonataFunctionDoc[] = [
  fn('string', '$string(arg, prettify?)', 'Casts the argument to a string (objects and arrays as JSON).'),
  fn('length', '$length(str)', 'The number of characters in a string.'),
  fn(
    'substring',
    '$substring(str, start, length?)',
    'The part of a string from `start` (0-based), of `length` characters.'
  ),
  fn('substringBefore', '$substringBefore(str, chars)', 'The part of a string before the first occurrence of `chars`.'),
  fn('substringAfter', '$substringAfter(str, chars)', 'The part of a string after the first occurrence of `chars`.'),
  fn('uppercase', '$uppercase(str)', 'The string in upper case.'),
  fn('lowercase', '$lowercase(str)', 'The string in lower case.'),
  fn('trim', '$trim(str)', 'Removes leading and trailing white space and collapses runs of white space to one space.'),
  fn('pad', '$pad(str, width, char?)', 'Pads a string to `width` characters (negative width pads on the left).'),
  fn('contains', '$contains(str, pattern)', 'True when the string contains the text or matches the regex.'),
  fn('split', '$split(str, separator, limit?)', 'Splits a string into an array at each separator (text or regex).'),
  fn('join', '$join(array, separator?)', 'Joins an array of strings into one string.'),
  fn('match', '$match(str, pattern, limit?)', 'The regex matches in a string, with their groups and indexes.'),
  fn('replace', '$replace(str, pattern, replacement, limit?)', 'Replaces occurrences of a text or regex.'),
  fn('base64encode', '$base64encode(str)', 'The string encoded in base 64.'),
  fn('base64decode', '$base64decode(str)', 'Decodes a base-64 string.'),
  fn('number', '$number(arg)', 'Casts a string or boolean to a number.'),
  fn('abs', '$abs(number)', 'The absolute value of a number.'),
  fn('floor', '$floor(number)', 'Rounds down to the nearest integer.'),
  fn('ceil', '$ceil(number)', 'Rounds up to the nearest integer.'),
  fn('round', '$round(number, precision?)', 'Rounds to `precision` decimals (half to even).'),
  fn('power', '$power(base, exponent)', 'Raises a number to a power.'),
  fn('sqrt', '$sqrt(number)', 'The square root of a number.'),
  fn('random', '$random()', 'A pseudo-random number between 0 and 1.'),
  fn('formatNumber', '$formatNumber(number, picture, options?)', 'Formats a number with an XPath picture string.'),
  fn('formatBase', '$formatBase(number, radix?)', 'Writes a number in another base.'),
  fn('formatInteger', '$formatInteger(number, picture)', 'Writes an integer with a picture (words, roman...).'),
  fn('parseInteger', '$parseInteger(string, picture)', 'Reads an integer written with a picture.'),
  fn('sum', '$sum(array)', 'The sum of an array of numbers.'),
  fn('max', '$max(array)', 'The largest number of an array.'),
  fn('min', '$min(array)', 'The smallest number of an array.'),
  fn('average', '$average(array)', 'The mean of an array of numbers.'),
  fn('boolean', '$boolean(arg)', 'Casts the argument to a Boolean.'),
  fn('not', '$not(arg)', 'The Boolean negation of the argument.'),
  fn('exists', '$exists(arg)', 'True when the expression selects something.'),
  fn('count', '$count(array)', 'The number of items in an array.'),
  fn('append', '$append(array1, array2)', 'Two arrays (or values) joined into one array.'),
  fn('sort', '$sort(array, function?)', 'The array sorted, optionally by a comparator function.'),
  fn('reverse', '$reverse(array)', 'The array in reverse order.'),
  fn('shuffle', '$shuffle(array)', 'The array in random order.'),
  fn('distinct', '$distinct(array)', 'The array without duplicate values.'),
  fn('zip', '$zip(array1, ...)', 'Arrays interleaved into an array of tuples.'),
  fn('keys', '$keys(object)', 'The keys of an object (or of the objects of an array).'),
  fn('lookup', '$lookup(object, key)', 'The value of a key in an object.'),
  fn('spread', '$spread(object)', 'An object split into an array of one-key objects.'),
  fn('merge', '$merge(array<object>)', 'Objects merged into one (later keys win).'),
  fn('sift', '$sift(object, function)', 'The key/value pairs of an object for which the function is true.'),
  fn('each', '$each(object, function)', 'An array of the function applied to each value and key of an object.'),
  fn('error', '$error(message)', 'Stops evaluation with an error.'),
  fn('assert', '$assert(condition, message)', 'Stops evaluation with `message` when the condition is false.'),
  fn('type', '$type(value)', 'The JSON type of a value: "string", "number", "object"...'),
  fn('map', '$map(array, function)', 'An array of the function applied to each item.'),
  fn('filter', '$filter(array, function)', 'The items for which the function returns true.'),
  fn('single', '$single(array, function?)', 'The one item that matches (an error when none or several do).'),
  fn(
    'reduce',
    '$reduce(array, function, init?)',
    'Folds an array into one value with a function of (accumulator, item).'
  ),
  fn('now', '$now(picture?, timezone?)', 'The time the evaluation started, as an ISO 8601 timestamp.'),
  fn('millis', '$millis()', 'The time the evaluation started, in milliseconds since the epoch.'),
  fn('fromMillis', '$fromMillis(number, picture?, timezone?)', 'Epoch milliseconds as a timestamp string.'),
  fn('toMillis', '$toMillis(timestamp, picture?)', 'A timestamp string as epoch milliseconds.'),
  fn('encodeUrl', '$encodeUrl(str)', 'Encodes a URL (not its reserved characters).'),
  fn('encodeUrlComponent', '$encodeUrlComponent(str)', 'Encodes a URL component.'),
  fn('decodeUrl', '$decodeUrl(str)', 'Decodes a URL.'),
  fn('decodeUrlComponent', '$decodeUrlComponent(str)', 'Decodes a URL component.'),
  fn('eval', '$eval(expr, context?)', 'Evaluates a JSONata expression given as text.')
]
