package com.fincafacil.flags.client;

/**
 * Who is asking: the finca (OFREP targeting key), its deployment level by wire name
 * ({@code piloto}, {@code produccion_controlada}, {@code produccion_abierta}) and, when the app sent it,
 * its semantic version. A context flags-service would refuse (blank finca, unknown level, bad version)
 * is not sent: every flag answers off with reason ERROR, rule {@code invalid_context}.
 *
 * @param appVersion null when the app did not say; a flag with version_minima is then off
 */
public record FlagContext(String fincaId, String level, String appVersion) {
}
