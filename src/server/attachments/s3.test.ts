import { describe, expect, it } from "vitest";
import { decodeXmlText, parseListObjectsPage } from "./s3";

// The driver's reading of ListObjectsV2 answers, on answers as services write them (the contract
// test in tests/integration/attachment-store.test.ts reads them from a real server).

describe("reading a ListObjectsV2 page", () => {
  it("takes keys from <Contents> only, with the truncation and the next token", () => {
    const page = parseListObjectsPage(`<?xml version="1.0" encoding="UTF-8"?>
<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <Name>portico</Name><Prefix></Prefix><KeyCount>2</KeyCount><MaxKeys>2</MaxKeys><IsTruncated>true</IsTruncated>
  <NextContinuationToken>1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=</NextContinuationToken>
  <Contents><Key>sha256/aa/bb/one</Key><Size>3</Size></Contents>
  <Contents>
    <Key>a&amp;b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#39;f&#x27; &#x1F4CE;</Key><Size>4</Size>
  </Contents>
  <CommonPrefixes><Prefix>folder/</Prefix></CommonPrefixes>
</ListBucketResult>`);
    expect(page).toEqual({
      keys: ["sha256/aa/bb/one", `a&b <c> "d" 'e' 'f' 📎`],
      truncated: true,
      nextContinuationToken: "1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=",
    });
  });

  it("reads the last page and an empty bucket", () => {
    expect(parseListObjectsPage("<ListBucketResult><IsTruncated>false</IsTruncated><Contents><Key>k</Key></Contents></ListBucketResult>")).toEqual({
      keys: ["k"],
      truncated: false,
      nextContinuationToken: null,
    });
    expect(parseListObjectsPage("<ListBucketResult><KeyCount>0</KeyCount><IsTruncated>false</IsTruncated></ListBucketResult>").keys).toEqual([]);
  });

  it("decodes entities once, CDATA as it is, and leaves unknown names alone", () => {
    expect(decodeXmlText("&amp;lt;")).toBe("&lt;");
    expect(decodeXmlText("<![CDATA[a &amp; b]]>")).toBe("a &amp; b");
    expect(decodeXmlText("&nbsp;")).toBe("&nbsp;");
  });
});
