/**
 * AnalyzeStack with a request encoded once: the benchmark sends the same serialized bytes on every call, so a
 * timing holds the transport, the pack's decoding and analysis and the response, but not the client's protobuf
 * encoding (the engine encodes in Go; google-protobuf in JavaScript costs about as much as the pack's own work).
 */
import * as grpc from "@grpc/grpc-js";
import * as analyzerProto from "@pulumi/pulumi/proto/analyzer_pb";
import { BinaryWriter } from "google-protobuf";
import type { EngineResource } from "../tools/engine";
import { fromAnalyzeResponse, toAnalyzerResource } from "../tools/engine/convert";

const analyzeStackPath = "/pulumirpc.Analyzer/AnalyzeStack";
const maxMessageBytes = 400 * 1024 * 1024;

/** The decoded answer of one call. */
export type AnalyzeStackOutcome = ReturnType<typeof fromAnalyzeResponse>;

/** The field number of `repeated AnalyzerResource resources` in `AnalyzeStackRequest` (proto/pulumi/analyzer.proto). */
const resourcesField = 1;

/**
 * Serializes the AnalyzeStack request for `resources` as the engine would send it. The bytes are the same as
 * `AnalyzeStackRequest.serializeBinary()` (a repeated message field is its elements, each framed as field 1 by
 * google-protobuf's BinaryWriter), but each resource is encoded on its own, so the protobuf objects of a
 * 50,000-resource stack never live at once (building the whole message first takes more than Node's default 4 GB
 * heap).
 */
export function encodeAnalyzeStackRequest(resources: readonly EngineResource[]): Buffer {
  const parts: Uint8Array[] = [];
  for (const resource of resources) {
    const writer = new BinaryWriter();
    writer.writeMessage(
      resourcesField,
      toAnalyzerResource(resource),
      (message: analyzerProto.AnalyzerResource, w: BinaryWriter) =>
        analyzerProto.AnalyzerResource.serializeBinaryToWriter(message, w),
    );
    parts.push(writer.getResultBuffer());
  }
  return Buffer.concat(parts);
}

/** A gRPC client on a pack's port that sends pre-encoded AnalyzeStack requests. */
export class RawAnalyzeClient {
  private readonly client: grpc.Client;

  constructor(port: number) {
    this.client = new grpc.Client(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), {
      "grpc.max_send_message_length": maxMessageBytes,
      "grpc.max_receive_message_length": maxMessageBytes,
    });
  }

  /** Sends `request` (from {@link encodeAnalyzeStackRequest}) and decodes the response. */
  analyzeStack(request: Buffer): Promise<AnalyzeStackOutcome> {
    return new Promise((resolve, reject) => {
      this.client.makeUnaryRequest<Buffer, analyzerProto.AnalyzeResponse>(
        analyzeStackPath,
        (bytes) => bytes,
        (bytes) => analyzerProto.AnalyzeResponse.deserializeBinary(new Uint8Array(bytes)),
        request,
        (error, response) => {
          if (error || !response)
            reject(new Error(`AnalyzeStack failed: ${error?.details || error?.message || "no response"}`));
          else resolve(fromAnalyzeResponse(response));
        },
      );
    });
  }

  close(): void {
    this.client.close();
  }
}
