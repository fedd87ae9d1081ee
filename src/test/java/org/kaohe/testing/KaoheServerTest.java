package org.kaohe.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestExecutionListeners;

/**
 * As {@link KaoheTest}, but with a real server on a random port ({@code @LocalServerPort}), for the
 * browser journeys: one context for all of them, the database put back before each class.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {KaoheTest.DATABASE, KaoheTest.CHEAP_PASSWORDS})
@TestExecutionListeners(listeners = FreshDatabase.class, mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface KaoheServerTest {}
