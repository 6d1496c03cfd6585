package io.pathtrack.results.hl7;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The HL7 v2 MLLP listener ({@code pathtrack.results.mllp.*}).
 *
 * @param enabled false to run without the listener
 * @param port the TCP port it listens on, on every interface; 0 picks a free one (the port bound is
 *     then the property {@code local.mllp.port}, as Spring does for {@code local.server.port})
 */
@ConfigurationProperties("pathtrack.results.mllp")
public record MllpProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("2575") int port) {}
