package org.lantian.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an operation that every valid API key may call, whatever its role: it never
 * answers 403, so its OpenAPI description lists no 403 ({@link ApiDocumentation}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface OpenToEveryRole {

}
