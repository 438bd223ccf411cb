/**
 * Classes that {@code ArchitectureRulesTest} checks the shared rules against: {@code clean}
 * keeps the layering, {@code leaky} breaks each rule once. Not part of the test-jar.
 */
package io.cxhub.kit.archfixture;
