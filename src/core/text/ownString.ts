/**
 * A copy of `text` that keeps nothing else alive. V8 makes a substring of 13 characters or more a
 * view into the string it was cut from, so a tag's text cut from a sidecar's line held the whole
 * decoded sidecar for as long as the index kept the text: at 10,000 documents, 62 of the index's
 * 128 MB. Long-lived tables copy what they keep with this; shorter strings are copies already.
 */
export function ownString(text: string): string {
  // Joining makes a new string of both parts; cutting the space off leaves a view into that copy.
  return text.length < 13 ? text : (' ' + text).slice(1);
}
