// The stopword package ships no types; we use only its word lists.
declare module 'stopword' {
  export const nld: string[];
  export const fra: string[];
  export const eng: string[];
  export const deu: string[];
}
