package org.lantian.rules.evaluation;

/** A subject (site id or city) and a key: what one condition of a rule is about. */
record SubjectKey(String subject, String key) {
}
