/** The SDK families the knowledge base describes. */
export type Ecosystem = 'aws-v3' | 'aws-v2' | 'google' | 'azure';
