// SPDX-License-Identifier: GPL-3.0-or-later
//
// A Signature V4 checking gateway in front of s3rver, for the storage tests.
//
// s3rver 3.7.1 checks only the access key id of a V4 request; it does not
// recompute the signature, so a client that signs wrongly would pass every
// test against it. This gateway recomputes each request's signature with
// AWS's own signer (@smithy/signature-v4, the one the AWS SDK for
// JavaScript uses), refuses what AWS S3 would refuse, with S3's error codes,
// and forwards the rest unchanged to s3rver:
//
//   no or malformed Authorization          403 AccessDenied
//   unknown access key id                  403 InvalidAccessKeyId
//   X-Amz-Date more than 15 min off        403 RequestTimeTooSkewed
//   body hash != x-amz-content-sha256      400 XAmzContentSHA256Mismatch
//   signature differs from AWS's           403 SignatureDoesNotMatch
//
// Usage (scripts/s3.sh starts it):
//   node s3-sigv4-gateway.cjs LISTEN_HOST LISTEN_PORT UPSTREAM_HOST UPSTREAM_PORT ACCESS_KEY SECRET_KEY
// NODE_PATH must reach @smithy/signature-v4 and @smithy/protocol-http.
'use strict';

const http = require('http');
const crypto = require('crypto');
const { SignatureV4 } = require('@smithy/signature-v4');
const { HttpRequest } = require('@smithy/protocol-http');

const [listenHost, listenPort, upstreamHost, upstreamPort, accessKey, secretKey] = process.argv.slice(2);
if (!secretKey) {
    console.error('usage: s3-sigv4-gateway.cjs LISTEN_HOST LISTEN_PORT UPSTREAM_HOST UPSTREAM_PORT ACCESS_KEY SECRET_KEY');
    process.exit(2);
}

const maxBody = 256 * 1024 * 1024;
const maxSkewMs = 15 * 60 * 1000;

// The signer's hash interface on Node's crypto: a hash, or an HMAC when
// constructed with a key.
class NodeSha256 {
    constructor(secret) {
        this.hash = secret ? crypto.createHmac('sha256', Buffer.from(secret)) : crypto.createHash('sha256');
    }
    update(data) {
        this.hash.update(data);
    }
    digest() {
        return Promise.resolve(new Uint8Array(this.hash.digest()));
    }
}

function xmlEscape(text) {
    return String(text).replace(/[<>&'"]/g, c => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]);
}

function refuse(res, status, code, message) {
    const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${xmlEscape(message)}</Message>`
        + '<Resource>sigv4-gateway</Resource></Error>';
    res.writeHead(status, { 'Content-Type': 'application/xml', 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
}

// "AWS4-HMAC-SHA256 Credential=AK/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=hex"
function parseAuthorization(header) {
    const match = /^AWS4-HMAC-SHA256 (.*)$/.exec(header || '');
    if (!match)
        return null;
    const parts = {};
    for (const item of match[1].split(',')) {
        const eq = item.indexOf('=');
        if (eq > 0)
            parts[item.slice(0, eq).trim()] = item.slice(eq + 1).trim();
    }
    const credential = (parts.Credential || '').split('/');
    if (credential.length !== 5 || credential[4] !== 'aws4_request' || !parts.SignedHeaders || !/^[0-9a-f]{64}$/.test(parts.Signature || ''))
        return null;
    return {
        accessKey: credential[0], date: credential[1], region: credential[2], service: credential[3],
        signedHeaders: parts.SignedHeaders.split(';'), signature: parts.Signature,
    };
}

// "20130524T000000Z" → Date, or null.
function parseAmzDate(text) {
    const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text || '');
    return m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6])) : null;
}

// The raw query string as the signer's query object (values decoded; it
// encodes them again the way AWS canonicalises them).
function parseQuery(raw) {
    const query = {};
    if (!raw)
        return query;
    for (const pair of raw.split('&')) {
        if (!pair)
            continue;
        const eq = pair.indexOf('=');
        const key = decodeURIComponent(eq < 0 ? pair : pair.slice(0, eq));
        const value = eq < 0 ? '' : decodeURIComponent(pair.slice(eq + 1));
        if (key in query)
            query[key] = [].concat(query[key], value);
        else
            query[key] = value;
    }
    return query;
}

async function verify(req, body) {
    const auth = parseAuthorization(req.headers.authorization);
    if (!auth)
        return [403, 'AccessDenied', 'the request carries no AWS4-HMAC-SHA256 Authorization header the gateway can read'];
    if (auth.accessKey !== accessKey)
        return [403, 'InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.'];
    const amzDate = req.headers['x-amz-date'];
    const signingDate = parseAmzDate(amzDate);
    if (!signingDate || amzDate.slice(0, 8) !== auth.date)
        return [403, 'AccessDenied', 'X-Amz-Date is missing, malformed or not the credential scope date'];
    if (Math.abs(Date.now() - signingDate.getTime()) > maxSkewMs)
        return [403, 'RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.'];
    const payloadHash = req.headers['x-amz-content-sha256'];
    if (!payloadHash)
        return [400, 'InvalidRequest', 'Missing required header for this request: x-amz-content-sha256'];
    if (payloadHash !== 'UNSIGNED-PAYLOAD' && payloadHash !== crypto.createHash('sha256').update(body).digest('hex'))
        return [400, 'XAmzContentSHA256Mismatch', "The provided 'x-amz-content-sha256' header does not match what was computed."];
    if (!auth.signedHeaders.includes('host'))
        return [403, 'AccessDenied', 'the Host header must be signed'];

    const headers = {};
    for (const name of auth.signedHeaders) {
        const value = req.headers[name];
        if (value === undefined)
            return [403, 'AccessDenied', `SignedHeaders names ${name}, which the request does not carry`];
        headers[name] = Array.isArray(value) ? value.join(',') : String(value);
    }
    const q = req.url.indexOf('?');
    const request = new HttpRequest({
        method: req.method,
        protocol: 'http:',
        hostname: String(req.headers.host || '').replace(/:\d+$/, ''),
        path: q < 0 ? req.url : req.url.slice(0, q),
        query: parseQuery(q < 0 ? '' : req.url.slice(q + 1)),
        headers,
    });
    const signer = new SignatureV4({
        credentials: { accessKeyId: accessKey, secretAccessKey: secretKey },
        region: auth.region,
        service: auth.service,
        sha256: NodeSha256,
        uriEscapePath: false, // S3 signs the path as sent, not encoded twice
        applyChecksum: true,
    });
    const signed = await signer.sign(request, { signingDate, signableHeaders: new Set(auth.signedHeaders) });
    const expected = /Signature=([0-9a-f]{64})/.exec(signed.headers.authorization)[1];
    const expectedHeaders = /SignedHeaders=([^,]*)/.exec(signed.headers.authorization)[1];
    if (expectedHeaders !== auth.signedHeaders.join(';'))
        return [403, 'SignatureDoesNotMatch', `SignedHeaders should be ${expectedHeaders}, not ${auth.signedHeaders.join(';')}`];
    if (!crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(auth.signature)))
        return [403, 'SignatureDoesNotMatch',
            'The request signature we calculated does not match the signature you provided. Check your key and signing method.'];
    return null;
}

function forward(req, res, body) {
    const upstream = http.request({
        host: upstreamHost, port: +upstreamPort, method: req.method, path: req.url, headers: req.headers,
    }, answer => {
        res.writeHead(answer.statusCode, answer.headers);
        answer.pipe(res);
    });
    upstream.on('error', error => {
        if (!res.headersSent)
            refuse(res, 502, 'BadGateway', `s3rver did not answer: ${error.message}`);
        else
            res.destroy();
    });
    upstream.end(body);
}

const server = http.createServer((req, res) => {
    const chunks = [];
    let size = 0;
    req.on('data', chunk => {
        size += chunk.length;
        if (size > maxBody) {
            refuse(res, 400, 'EntityTooLarge', 'the gateway buffers at most 256 MiB');
            req.destroy();
            return;
        }
        chunks.push(chunk);
    });
    req.on('end', () => {
        const body = Buffer.concat(chunks);
        verify(req, body).then(problem => {
            if (problem)
                refuse(res, ...problem);
            else
                forward(req, res, body);
        }, error => refuse(res, 500, 'InternalError', `the gateway failed: ${error.message}`));
    });
});
server.listen(+listenPort, listenHost, () => {
    console.log(`sigv4 gateway on http://${listenHost}:${listenPort} -> http://${upstreamHost}:${upstreamPort}`);
});
