package com.fincafacil.flags.config;

import com.fincafacil.flags.file.FlagFileCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** flags-core carries no CDI, so the flag file codec becomes a bean here; it is stateless and shareable. */
@ApplicationScoped
public class CodecProducer {

    @Produces
    @ApplicationScoped
    FlagFileCodec codec() {
        return new FlagFileCodec();
    }
}
