/**
 * The request detectors a rule's conditions name: operators (exact phrases, regular expressions on
 * RE2/J, and the structural detectors for XSS, path traversal and command injection), the
 * transformers that normalise a value before it is tested, and the character screens that let a rule
 * skip values that cannot match. Knows nothing of rules or requests; {@code detect.sql} is the SQL check.
 */
package io.palisade.core.detect;
