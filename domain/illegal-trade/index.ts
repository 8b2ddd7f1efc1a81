/** The annual illegal trade report (Res. Conf. 11.17 (Rev. CoP18) para. 3): seizures and their report file. */
export * from './report';
export * from './seizures';
