package io.cxhub.survey.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Addresses ({@code host:port}) of the services survey-service calls, under {@code cx.peers}.
 *
 * @param metrics metrics-service, which receives the recorded responses
 * @param journey journey-service, which checks survey journey links
 * @param persona persona-service, where invitation recipients named by customer id are found
 */
@ConfigurationProperties("cx.peers")
public record PeersProperties(String metrics, String journey, String persona) {}
