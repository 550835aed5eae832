package dev.strangler.demo.monolith.files;

/** What arrived: the byte count and the CRC-32 as 8 lower-case hex digits. */
public record UploadResult(long bytes, String crc32) {}
